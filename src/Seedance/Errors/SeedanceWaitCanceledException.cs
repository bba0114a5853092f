using System;
using System.Threading;

namespace Seedance;

/// <summary>
/// The caller cancelled while the client waited for a task. The task goes on at the API: <see cref="TaskId"/> lets you
/// wait for it again (<c>WaitForCompletionAsync</c>) instead of paying for a new one.
/// </summary>
public sealed class SeedanceWaitCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public SeedanceWaitCanceledException(VideoTask lastSeen, CancellationToken cancellationToken, Exception? innerException = null)
        : base($"Waiting for task {lastSeen?.Id} was cancelled (last seen: {lastSeen?.RawStatus}); the task goes on at the API. Call WaitForCompletionAsync(\"{lastSeen?.Id}\") to wait again.", innerException, cancellationToken)
    {
        LastSeen = lastSeen ?? throw new ArgumentNullException(nameof(lastSeen));
    }

    /// <summary>The task's ID.</summary>
    public string TaskId => LastSeen.Id;

    /// <summary>The task as last read before the cancellation.</summary>
    public VideoTask LastSeen { get; }
}
