using System;

namespace Seedance;

/// <summary>
/// The API answered with an error status (or, for a successful status, with a body that is not what it documents).
/// Carries what the API said about it: the HTTP status, the error <c>type</c>, <c>code</c> and <c>param</c>, and its
/// <c>fallback_suggestion</c>. The message never contains the API key.
/// </summary>
/// <remarks>
/// A create call (<c>POST /v1/videos/generations</c>) answered with a 4xx status, 429 or 503 was refused: no task was
/// created. When the outcome of a create call is unknown (500, 502, 504, a timeout or a connection lost after the
/// request was sent) the exception is the subtype <see cref="SeedanceRequestOutcomeUnknownException"/>.
/// </remarks>
public class SeedanceApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (must not contain secrets).</param>
    /// <param name="statusCode">The HTTP status code, or 0 when no answer was received.</param>
    /// <param name="errorType">The API's error <c>type</c>, such as <c>invalid_request_error</c>.</param>
    /// <param name="param">The request field the error is about, such as <c>prompt</c>.</param>
    /// <param name="errorCode">The API's error <c>code</c> as text (it is a number or a string on the wire).</param>
    /// <param name="fallbackSuggestion">The API's <c>fallback_suggestion</c>, such as <c>retry after 60 seconds</c>.</param>
    /// <param name="retryAfter">The wait the API asked for in a <c>Retry-After</c> header, if any.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public SeedanceApiException(
        string message,
        int statusCode,
        string? errorType = null,
        string? param = null,
        string? errorCode = null,
        string? fallbackSuggestion = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        Param = param;
        ErrorCode = errorCode;
        FallbackSuggestion = fallbackSuggestion;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status code of the answer; 0 when no answer was received.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The API's error <c>type</c>: <c>invalid_request_error</c> (400), <c>authentication_error</c> (401),
    /// <c>insufficient_quota_error</c> (402), <c>permission_error</c> (403), <c>not_found_error</c> (404),
    /// <c>request_too_large_error</c> (413), <c>rate_limit_error</c> (429), <c>internal_server_error</c> (500),
    /// <c>upstream_error</c> (502), <c>service_unavailable_error</c> (503); null when the body did not say.
    /// </summary>
    public string? ErrorType { get; }

    /// <summary>The request field the error is about, such as <c>prompt</c>; null when the API did not name one.</summary>
    public string? Param { get; }

    /// <summary>The API's error <c>code</c> as text (<c>"400"</c>, <c>"invalid_task_id"</c>); null when absent.</summary>
    public string? ErrorCode { get; }

    /// <summary>The API's advice, such as <c>retry after 60 seconds</c>; null when absent.</summary>
    public string? FallbackSuggestion { get; }

    /// <summary>The wait the API asked for with a <c>Retry-After</c> header, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The ID of the task this failure concerns, once the API has acknowledged its create call (a poll that failed,
    /// a refused download); null for a create call that was refused. Wait for it or read it with this ID instead
    /// of submitting again.
    /// </summary>
    public string? TaskId { get; internal set; }

    /// <summary>True when the API answered but the body was unreadable (not JSON, truncated, an HTML page, too large).</summary>
    internal bool IsUnreadableAnswer { get; init; }
}
