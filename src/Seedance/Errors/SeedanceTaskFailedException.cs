using System;

namespace Seedance;

/// <summary>A task ended with status <c>failed</c>; <see cref="Code"/> and the task's <see cref="VideoTask.Error"/> say why.</summary>
public sealed class SeedanceTaskFailedException : Exception
{
    /// <summary>Creates the exception for <paramref name="task"/>, whose status is failed.</summary>
    public SeedanceTaskFailedException(VideoTask task)
        : base(Describe(task ?? throw new ArgumentNullException(nameof(task))))
    {
        Task = task;
    }

    /// <summary>The failed task as last polled.</summary>
    public VideoTask Task { get; }

    /// <summary>
    /// The task's error code, such as <c>content_policy_violation</c>, <c>invalid_parameters</c>,
    /// <c>generation_timeout</c> or <c>quota_exceeded</c>; empty when the API gave none.
    /// </summary>
    /// <summary>The error code: the API's (such as <c>content_policy_violation</c>), or <c>cancelled</c> for a cancelled task without one.</summary>
    public string Code => Task.Error?.Code is { Length: > 0 } code ? code : Task.Status == VideoTaskStatus.Cancelled ? "cancelled" : string.Empty;

    /// <summary>The task's ID.</summary>
    public string TaskId => Task.Id;

    private static string Describe(VideoTask task) => task.Error switch
    {
        null when task.Status == VideoTaskStatus.Cancelled => $"Task {task.Id} was cancelled (cancelled); no video was made.",
        null => $"Task {task.Id} failed; the API gave no reason.",
        { Message.Length: 0 } error => $"Task {task.Id} failed: {error.Code}.",
        { Code.Length: 0 } error => $"Task {task.Id} failed: {error.Message}",
        var error => $"Task {task.Id} failed: {error.Code}: {error.Message}",
    };
}
