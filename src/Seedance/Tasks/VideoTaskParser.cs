using System;
using System.Text.Json;
using Seedance.Serialization;

namespace Seedance;

/// <summary>Turns a task body into a <see cref="VideoTask"/>, or says why it is not one.</summary>
internal static class VideoTaskParser
{
    /// <summary>
    /// Parses <paramref name="body"/>. A body that is not JSON, is not an object, or lacks <c>id</c> or <c>status</c>
    /// is rejected whole (never a half-filled task); fields the client does not need may be absent.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out VideoTask? task, out string problem) => TryParse(body, null, out task, out problem);

    /// <summary>
    /// Parses <paramref name="body"/>; every piece of server text the task carries (its status string, its error)
    /// passes <paramref name="redactor"/> first, so an echoed key never reaches a message, a property or a log.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, SecretRedactor? redactor, out VideoTask? task, out string problem)
    {
        task = null;
        TaskWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(body, SeedanceJsonContext.Default.TaskWire);
        }
        catch (JsonException ex)
        {
            problem = body.IsEmpty ? "the body is empty" : $"the body is not a task object ({FirstLine(ex.Message)})";
            return false;
        }

        if (wire is null)
        {
            problem = "the body is JSON null";
            return false;
        }
        if (string.IsNullOrWhiteSpace(wire.Id))
        {
            problem = "the body has no \"id\"";
            return false;
        }
        if (!IsValidTaskId(wire.Id!))
        {
            problem = "the body's \"id\" is not a task ID (too long, or characters other than letters, digits and -_.:)";
            return false;
        }
        if (string.IsNullOrWhiteSpace(wire.Status) || wire.Status!.Length > MaxStatusLength)
        {
            problem = "the body has no \"status\"";
            return false;
        }

        const long MinUnixSeconds = -62_135_596_800, MaxUnixSeconds = 253_402_300_799;
        if (wire.Created is < MinUnixSeconds or > MaxUnixSeconds)
        {
            problem = "the body's \"created\" is not a Unix time";
            return false;
        }

        var status = VideoTaskStatusNames.Parse(wire.Status);
        var error = wire.Error is { } e && (e.CodeText is not null || e.Message is not null)
            ? new VideoTaskError(Clean(e.CodeText, redactor), Clean(e.Message, redactor))
            : null;
        task = new VideoTask
        {
            Id = wire.Id!,
            Model = wire.Model ?? string.Empty,
            Status = status,
            RawStatus = Clean(wire.Status, redactor),
            // Clamped: a progress outside 0–100 is noise, not a reason to reject the task.
            Progress = wire.Progress is { } p && !double.IsNaN(p) ? (int)Math.Clamp(Math.Round(p), 0, 100) : (status == VideoTaskStatus.Completed ? 100 : 0),
            Results = wire.Results is { Count: > 0 } results ? results.FindAll(static url => !string.IsNullOrEmpty(url)).AsReadOnly() : Array.Empty<string>(),
            Error = error,
            Created = wire.Created is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : default,
            EstimatedTime = wire.TaskInfo?.EstimatedTime is { } estimate && estimate >= 0 && estimate < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(estimate) : null,
            VideoDuration = wire.TaskInfo?.VideoDuration is { } duration && duration >= 0 && duration <= int.MaxValue ? (int)Math.Round(duration) : null,
            CreditsReserved = wire.Usage?.CreditsReserved,
        };
        problem = string.Empty;
        return true;
    }

    /// <summary>Task IDs go into URLs and logs: at most 128 characters, letters, digits and <c>-_.:</c> only.</summary>
    public const int MaxTaskIdLength = 128;

    private const int MaxStatusLength = 64;

    private const int MaxErrorTextLength = 2000;

    public static bool IsValidTaskId(string id)
    {
        if (id.Length == 0 || id.Length > MaxTaskIdLength) return false;
        foreach (var c in id)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':')) return false;
        }
        return true;
    }

    private static string Clean(string? text, SecretRedactor? redactor)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        // Redact first: a cut through the key would leave its first part unredacted.
        text = redactor?.Redact(text) ?? text;
        return text.Length > MaxErrorTextLength ? text[..MaxErrorTextLength] + "…" : text;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
