using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Seedance.Serialization;

// The API's JSON shapes, field for field. They stay internal: callers see VideoTask and the exceptions, which
// are built from these only after the body has been checked (see VideoTaskParser), so a malformed answer
// never surfaces as a half-filled task. Unknown fields are ignored, so additions to the API do not break parsing.

/// <summary>The task body of a create answer, a poll answer and a callback.</summary>
internal sealed class TaskWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("object")]
    public string? Object { get; set; }

    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    // A number on the wire; double so that a fractional progress does not make the whole body invalid.
    [JsonPropertyName("progress")]
    public double? Progress { get; set; }

    [JsonPropertyName("created")]
    public long? Created { get; set; }

    [JsonPropertyName("results")]
    public List<string>? Results { get; set; }

    [JsonPropertyName("error")]
    public ErrorWire? Error { get; set; }

    [JsonPropertyName("task_info")]
    public TaskInfoWire? TaskInfo { get; set; }

    [JsonPropertyName("usage")]
    public UsageWire? Usage { get; set; }
}

/// <summary>The <c>task_info</c> object of a task.</summary>
internal sealed class TaskInfoWire
{
    [JsonPropertyName("can_cancel")]
    public bool? CanCancel { get; set; }

    [JsonPropertyName("estimated_time")]
    public double? EstimatedTime { get; set; }

    [JsonPropertyName("video_duration")]
    public double? VideoDuration { get; set; }
}

/// <summary>The <c>usage</c> object of a task.</summary>
internal sealed class UsageWire
{
    [JsonPropertyName("billing_rule")]
    public string? BillingRule { get; set; }

    [JsonPropertyName("credits_reserved")]
    public decimal? CreditsReserved { get; set; }

    [JsonPropertyName("user_group")]
    public string? UserGroup { get; set; }
}

/// <summary>The body of an error answer: <c>{ "error": { … } }</c>.</summary>
internal sealed class ErrorEnvelopeWire
{
    [JsonPropertyName("error")]
    public ErrorWire? Error { get; set; }
}

/// <summary>An error object: of an error answer, or of a failed task (which carries only code and message).</summary>
internal sealed class ErrorWire
{
    // A number on some of the provider's pages (400) and a string on others ("invalid_task_id"): kept raw.
    [JsonPropertyName("code")]
    public JsonElement? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("param")]
    public string? Param { get; set; }

    [JsonPropertyName("fallback_suggestion")]
    public string? FallbackSuggestion { get; set; }

    /// <summary>The code as text, whichever JSON type carried it; null when absent or not a scalar.</summary>
    public string? CodeText => Code is { } code
        ? code.ValueKind switch
        {
            JsonValueKind.String => code.GetString(),
            JsonValueKind.Number => code.GetRawText(),
            _ => null,
        }
        : null;
}
