using System;

namespace Seedance;

/// <summary>
/// A create call reached the API (or may have) but its outcome is unknown: the answer was 500, 502 or 504, a success
/// whose body could not be read, a timeout, or a connection lost after the request was sent. A task may have been
/// created and its credits reserved. The client does not send the request again, because the API has no idempotency
/// key and a second call would create, and charge for, a second task.
/// </summary>
/// <remarks>
/// Before sending the request again, find out whether the first one created a task (for example in the provider's
/// dashboard). <see cref="SeedanceApiException.StatusCode"/> is the HTTP status, or 0 when no answer arrived;
/// <see cref="Exception.InnerException"/> holds the network failure or timeout, if that is what happened.
/// </remarks>
public sealed class SeedanceRequestOutcomeUnknownException : SeedanceApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (must not contain secrets).</param>
    /// <param name="statusCode">The HTTP status code, or 0 when no answer was received.</param>
    /// <param name="errorType">The API's error <c>type</c>, if it answered with one.</param>
    /// <param name="param">The request field the error is about, if any.</param>
    /// <param name="errorCode">The API's error <c>code</c> as text, if any.</param>
    /// <param name="fallbackSuggestion">The API's <c>fallback_suggestion</c>, if any.</param>
    /// <param name="innerException">The network failure or timeout, if that is what happened.</param>
    public SeedanceRequestOutcomeUnknownException(
        string message,
        int statusCode,
        string? errorType = null,
        string? param = null,
        string? errorCode = null,
        string? fallbackSuggestion = null,
        Exception? innerException = null)
        : base(message, statusCode, errorType, param, errorCode, fallbackSuggestion, retryAfter: null, innerException)
    {
    }
}
