using System;
using Microsoft.Extensions.Logging;

namespace Seedance;

/// <summary>
/// The client's log events (source-generated, no allocation when a level is off). Paths and task IDs are logged,
/// never headers, request bodies or the API key; text that comes from the server passes through the key redactor first.
/// </summary>
internal static partial class SeedanceLog
{
    [LoggerMessage(EventId = 1, EventName = "RequestSending", Level = LogLevel.Debug, Message = "Sending {Method} {Path} (attempt {Attempt})")]
    public static partial void RequestSending(ILogger logger, string method, string path, int attempt);

    [LoggerMessage(EventId = 2, EventName = "ResponseReceived", Level = LogLevel.Debug, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void ResponseReceived(ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "RetryScheduled", Level = LogLevel.Warning, Message = "{Method} {Path} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string method, string path, string reason, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 4, EventName = "RequestFailed", Level = LogLevel.Warning, Message = "{Method} {Path} failed with {StatusCode} ({ErrorType})")]
    public static partial void RequestFailed(ILogger logger, string method, string path, int statusCode, string errorType);

    [LoggerMessage(EventId = 5, EventName = "CreateOutcomeUnknown", Level = LogLevel.Error, Message = "POST {Path} may have created a task ({Reason}); it was not sent again")]
    public static partial void CreateOutcomeUnknown(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 6, EventName = "CreateCancelled", Level = LogLevel.Warning, Message = "POST {Path} was cancelled by the caller; if the request had already been sent, a task may exist")]
    public static partial void CreateCancelled(ILogger logger, string path);

    [LoggerMessage(EventId = 7, EventName = "TaskCreated", Level = LogLevel.Information, Message = "Task {TaskId} created for model {Model}")]
    public static partial void TaskCreated(ILogger logger, string taskId, string model);

    [LoggerMessage(EventId = 8, EventName = "TaskPolled", Level = LogLevel.Debug, Message = "Task {TaskId} is {Status} ({Progress}%)")]
    public static partial void TaskPolled(ILogger logger, string taskId, string status, int progress);

    [LoggerMessage(EventId = 9, EventName = "TaskCompleted", Level = LogLevel.Information, Message = "Task {TaskId} completed with {ResultCount} result(s)")]
    public static partial void TaskCompleted(ILogger logger, string taskId, int resultCount);

    [LoggerMessage(EventId = 10, EventName = "TaskFailed", Level = LogLevel.Warning, Message = "Task {TaskId} failed: {ErrorCode}")]
    public static partial void TaskFailed(ILogger logger, string taskId, string errorCode);

    [LoggerMessage(EventId = 11, EventName = "UnknownTaskStatus", Level = LogLevel.Warning, Message = "Task {TaskId} has status '{Status}', which this client does not know; polling goes on")]
    public static partial void UnknownTaskStatus(ILogger logger, string taskId, string status);

    [LoggerMessage(EventId = 12, EventName = "WaitTimedOut", Level = LogLevel.Warning, Message = "Task {TaskId} did not finish within {WaitTimeout}")]
    public static partial void WaitTimedOut(ILogger logger, string taskId, TimeSpan waitTimeout);

    [LoggerMessage(EventId = 13, EventName = "PollFailed", Level = LogLevel.Warning, Message = "Polling task {TaskId} failed ({Failures} of {MaxFailures} in a row): {Reason}; polling goes on")]
    public static partial void PollFailed(ILogger logger, string taskId, int failures, int maxFailures, string reason);

    [LoggerMessage(EventId = 14, EventName = "JournalResumed", Level = LogLevel.Information, Message = "Key {Key} is {State} in the journal (task {TaskId}); not sent again")]
    public static partial void JournalResumed(ILogger logger, string key, string state, string? taskId);

    [LoggerMessage(EventId = 15, EventName = "JournalWriteFailed", Level = LogLevel.Error, Message = "The journal could not record key {Key} as {State} (task {TaskId}): {Reason}")]
    public static partial void JournalWriteFailed(ILogger logger, string key, string state, string? taskId, string reason);

    [LoggerMessage(EventId = 16, EventName = "BatchBackingOff", Level = LogLevel.Warning, Message = "Batch {Batch}: the API refused a create call; new submissions pause for {Delay} and at most {Limit} run at once")]
    public static partial void BatchBackingOff(ILogger logger, string batch, TimeSpan delay, int limit);
}
