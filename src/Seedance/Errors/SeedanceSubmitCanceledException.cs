using System;
using System.Threading;

namespace Seedance;

/// <summary>
/// The caller cancelled while the create call was in flight. An <see cref="OperationCanceledException"/>, so existing
/// <c>catch (OperationCanceledException)</c> blocks keep working; unlike a plain one, it says that the request may have
/// reached the API, in which case a task exists and its credits are reserved.
/// </summary>
public sealed class SeedanceSubmitCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public SeedanceSubmitCanceledException(string model, bool requestSent, string path, CancellationToken cancellationToken, Exception? innerException = null)
        : base(Describe(model, requestSent, path), innerException, cancellationToken)
    {
        Model = model;
        RequestSent = requestSent;
        Path = path;
    }

    /// <summary>The model of the request.</summary>
    public string Model { get; }

    /// <summary>
    /// Whether the request had started to go out when the cancellation came. False: nothing reached the API, and
    /// no task exists. True: the API may have created a task.
    /// </summary>
    public bool RequestSent { get; }

    /// <summary>The create call's path.</summary>
    public string Path { get; }

    private static string Describe(string model, bool sent, string path) => sent
        ? $"The create call (POST {path}, model {model}) was cancelled after the request was sent: the API may have created a task and reserved its credits. "
          + "The client did not send it again. Before you submit again, look for the task (a callback_url, the provider's task list, or a journal) so that it is not paid twice."
        : $"The create call (POST {path}, model {model}) was cancelled before the request was sent: no task was created.";
}
