using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Seedance.Testing;

/// <summary>
/// The emulator's own reading and writing of the provider's documented JSON (the create body, the task object,
/// the error envelope), written from the documentation with the field names spelled out here, and sharing no
/// type with the client. The client's tests also run against a stand-in of their own; this keeps the emulator,
/// which users test with, honest in the same way.
/// </summary>
internal static class EmulatorWire
{
    /// <summary>A task as the API reports it.</summary>
    public sealed record TaskAnswer(
        string Id, string Model, VideoTaskStatus Status, int Progress, long Created, string? Result,
        string? ErrorCode, string? ErrorMessage, bool CanCancel, double EstimatedTime, int VideoDuration);

    /// <summary>
    /// Reads a create body into the request the rule engine checks; null with the API's complaint and the field it
    /// names when a required field is missing or of the wrong type.
    /// </summary>
    public static SeedanceRequest? ReadRequest(string body, out string problem, out string? param)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        problem = string.Empty;
        param = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "The request body must be a JSON object.";
            return null;
        }
        if (!TryString(root, "model", out var model) || string.IsNullOrWhiteSpace(model))
        {
            (problem, param) = ("model is required.", "model");
            return null;
        }
        if (!TryString(root, "prompt", out var prompt) || string.IsNullOrWhiteSpace(prompt))
        {
            (problem, param) = ("prompt is required.", "prompt");
            return null;
        }
        var request = new SeedanceRequest(model!, prompt!);
        foreach (var (name, set) in new (string, Func<SeedanceRequest, IReadOnlyList<string>, SeedanceRequest>)[]
        {
            ("image_urls", static (r, v) => r with { ImageUrls = v }),
            ("video_urls", static (r, v) => r with { VideoUrls = v }),
            ("audio_urls", static (r, v) => r with { AudioUrls = v }),
        })
        {
            if (!root.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) continue;
            if (list.ValueKind != JsonValueKind.Array)
            {
                (problem, param) = ($"{name} must be an array of URLs.", name);
                return null;
            }
            var urls = new List<string>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    (problem, param) = ($"{name} must hold strings.", name);
                    return null;
                }
                urls.Add(item.GetString()!);
            }
            request = set(request, urls);
        }
        if (root.TryGetProperty("duration", out var duration) && duration.ValueKind != JsonValueKind.Null)
        {
            if (duration.ValueKind != JsonValueKind.Number || !duration.TryGetInt32(out var seconds))
            {
                (problem, param) = ("duration must be a whole number of seconds.", "duration");
                return null;
            }
            request = request with { Duration = seconds };
        }
        if (TryString(root, "quality", out var quality) && quality is not null) request = request with { Quality = quality };
        if (TryString(root, "aspect_ratio", out var ratio) && ratio is not null) request = request with { AspectRatio = ratio };
        return request;
    }

    public static byte[] WriteTask(TaskAnswer task)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", task.Id);
            writer.WriteString("object", "video.generation.task");
            writer.WriteString("model", task.Model);
            writer.WriteString("status", Status(task.Status));
            writer.WriteNumber("progress", task.Progress);
            writer.WriteNumber("created", task.Created);
            if (task.Result is not null)
            {
                writer.WriteStartArray("results");
                writer.WriteStringValue(task.Result);
                writer.WriteEndArray();
            }
            if (task.ErrorCode is not null)
            {
                writer.WriteStartObject("error");
                writer.WriteString("code", task.ErrorCode);
                writer.WriteString("message", task.ErrorMessage ?? string.Empty);
                writer.WriteEndObject();
            }
            writer.WriteStartObject("task_info");
            writer.WriteBoolean("can_cancel", task.CanCancel);
            writer.WriteNumber("estimated_time", task.EstimatedTime);
            writer.WriteNumber("video_duration", task.VideoDuration);
            writer.WriteEndObject();
            writer.WriteStartObject("usage");
            writer.WriteString("billing_rule", "per_second");
            writer.WriteNumber("credits_reserved", task.VideoDuration);
            writer.WriteString("user_group", "default");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The error envelope; <paramref name="code"/> null writes the HTTP status as a number (the documentation shows both forms).</summary>
    public static byte[] WriteError(int status, string? code, string? message, string? type, string? param, string? fallbackSuggestion)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            if (code is null) writer.WriteNumber("code", status);
            else writer.WriteString("code", code);
            if (message is not null) writer.WriteString("message", message);
            if (type is not null) writer.WriteString("type", type);
            if (param is not null) writer.WriteString("param", param);
            if (fallbackSuggestion is not null) writer.WriteString("fallback_suggestion", fallbackSuggestion);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static string Status(VideoTaskStatus status) => status switch
    {
        VideoTaskStatus.Pending => "pending",
        VideoTaskStatus.Processing => "processing",
        VideoTaskStatus.Completed => "completed",
        VideoTaskStatus.Failed => "failed",
        VideoTaskStatus.Cancelled => "cancelled",
        _ => "unknown",
    };

    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return false;
        if (element.ValueKind != JsonValueKind.String) return false;
        value = element.GetString();
        return true;
    }
}
