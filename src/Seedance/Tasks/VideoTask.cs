using System;
using System.Collections.Generic;

namespace Seedance;

/// <summary>
/// A video-generation task as the API last reported it: returned by a create call (status
/// <see cref="VideoTaskStatus.Pending"/>) and by every poll. Immutable; each poll yields a new instance.
/// </summary>
public sealed class VideoTask
{
    /// <summary>The task ID, such as <c>task-unified-…</c>; pass it to <c>GetTaskAsync</c> or <c>WaitForCompletionAsync</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The model ID the task runs on.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Where the task stands; <see cref="VideoTaskStatus.Unknown"/> for a status this client does not know.</summary>
    public VideoTaskStatus Status { get; init; }

    /// <summary>The status exactly as the API sent it (useful when <see cref="Status"/> is <see cref="VideoTaskStatus.Unknown"/>).</summary>
    public string RawStatus { get; init; } = string.Empty;

    /// <summary>Progress from 0 to 100.</summary>
    public int Progress { get; init; }

    /// <summary>The video URLs once the task has completed (they expire 24 hours later); empty before.</summary>
    public IReadOnlyList<string> Results { get; init; } = Array.Empty<string>();

    /// <summary>Why the task failed, when <see cref="Status"/> is <see cref="VideoTaskStatus.Failed"/>; otherwise null.</summary>
    public VideoTaskError? Error { get; init; }

    /// <summary>When the task was created (the API's <c>created</c>, Unix seconds); <c>default</c> if the API did not say.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>The API's estimate of the generation time (<c>task_info.estimated_time</c>), when given.</summary>
    public TimeSpan? EstimatedTime { get; init; }

    /// <summary>The length of the video being generated in seconds (<c>task_info.video_duration</c>), when given.</summary>
    public int? VideoDuration { get; init; }

    /// <summary>Credits reserved for the task at creation (<c>usage.credits_reserved</c>), when given.</summary>
    public decimal? CreditsReserved { get; init; }

    /// <summary>True once the task has completed or failed: polling it again changes nothing.</summary>
    public bool IsFinished => Status is VideoTaskStatus.Completed or VideoTaskStatus.Failed;

    /// <inheritdoc />
    public override string ToString()
    {
        var status = Status == VideoTaskStatus.Unknown ? RawStatus : VideoTaskStatusNames.ToWire(Status);
        return Error is null ? $"{Id} ({Model}): {status} {Progress}%" : $"{Id} ({Model}): {status} {Progress}% ({Error})";
    }
}
