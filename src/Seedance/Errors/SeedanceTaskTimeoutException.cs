using System;

namespace Seedance;

/// <summary>
/// Waiting for a task took longer than <see cref="SeedanceClientOptions.WaitTimeout"/>. The task itself goes on:
/// wait again with its ID (<see cref="Task"/>) to pick it up, without creating a new one.
/// </summary>
public sealed class SeedanceTaskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="task">The task as last polled.</param>
    /// <param name="waitTimeout">The time waited.</param>
    public SeedanceTaskTimeoutException(VideoTask task, TimeSpan waitTimeout)
        : base($"Task {task?.Id} did not finish within {waitTimeout} (last seen: {task}). It may still complete: call WaitForCompletionAsync(\"{task?.Id}\") or GetTaskAsync with its ID later instead of submitting again.")
    {
        Task = task ?? throw new ArgumentNullException(nameof(task));
        WaitTimeout = waitTimeout;
    }

    /// <summary>The task as last polled; its <see cref="VideoTask.Id"/> resumes the wait.</summary>
    public VideoTask Task { get; }

    /// <summary>The time waited.</summary>
    public TimeSpan WaitTimeout { get; }

    /// <summary>The task's ID: the task may still complete.</summary>
    public string TaskId => Task.Id;
}
