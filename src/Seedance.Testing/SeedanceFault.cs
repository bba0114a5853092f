using System;
using System.Collections.Generic;

namespace Seedance.Testing;

/// <summary>The routes of a <see cref="SeedanceEmulator"/>, for fault injection and the request log.</summary>
public enum SeedanceEmulatorRoute
{
    /// <summary>A path the emulator does not serve.</summary>
    Other = 0,

    /// <summary><c>POST /v1/videos/generations</c>.</summary>
    CreateTask,

    /// <summary><c>GET /v1/tasks/{id}</c>.</summary>
    GetTask,

    /// <summary><c>GET /v1/credits</c>.</summary>
    Credits,

    /// <summary><c>GET /files/{task id}/{n}.mp4</c>, the result files.</summary>
    ResultFile,
}

/// <summary>
/// A fault a <see cref="SeedanceEmulator"/> injects into one request of a route (see <see cref="SeedanceEmulator.Enqueue"/>).
/// Create them with the static methods.
/// </summary>
public sealed class SeedanceFault
{
    private static readonly Dictionary<int, string> s_documentedTypes = new()
    {
        [400] = "invalid_request_error",
        [401] = "authentication_error",
        [402] = "insufficient_quota_error",
        [403] = "permission_error",
        [404] = "not_found_error",
        [413] = "request_too_large_error",
        [429] = "rate_limit_error",
        [500] = "internal_server_error",
        [502] = "upstream_error",
        [503] = "service_unavailable_error",
    };

    private SeedanceFault(SeedanceFaultKind kind) => Kind = kind;

    /// <summary>The HTTP status codes the API documents, each with its error <c>type</c>.</summary>
    public static IReadOnlyDictionary<int, string> DocumentedErrorTypes => s_documentedTypes;

    internal SeedanceFaultKind Kind { get; }

    internal int StatusCode { get; private init; }

    internal string? ErrorType { get; private init; }

    internal string? Message { get; private init; }

    internal string? Param { get; private init; }

    internal bool CodeAsString { get; private init; }

    internal string? RetryAfterHeader { get; private init; }

    internal string? Body { get; private init; }

    internal string ContentType { get; private init; } = "application/json";

    internal TimeSpan DelayDuration { get; private init; }

    internal string? TaskErrorCode { get; private init; }

    /// <summary>
    /// An error answer with the documented body <c>{ "error": { "code", "message", "type", "param", "fallback_suggestion" } }</c>;
    /// no task is created. The <c>type</c> defaults to the documented one for <paramref name="statusCode"/>.
    /// </summary>
    /// <param name="statusCode">The HTTP status, such as 402.</param>
    /// <param name="message">The error message (default: a description of the status).</param>
    /// <param name="param">The field the error is about, if any.</param>
    /// <param name="errorType">The error type (default: the documented type for the status, else <c>api_error</c>).</param>
    /// <param name="codeAsString">Send <c>code</c> as a JSON string (<c>"402"</c>) instead of a number, as some of the provider's pages show.</param>
    public static SeedanceFault HttpError(int statusCode, string? message = null, string? param = null, string? errorType = null, bool codeAsString = false)
    {
        if (statusCode is < 400 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error status is 400–599.");
        return new SeedanceFault(SeedanceFaultKind.Error)
        {
            StatusCode = statusCode,
            ErrorType = errorType ?? (s_documentedTypes.TryGetValue(statusCode, out var type) ? type : "api_error"),
            Message = message ?? $"Emulated HTTP {statusCode} error.",
            Param = param,
            CodeAsString = codeAsString,
        };
    }

    /// <summary>429 <c>rate_limit_error</c> with the provider's <c>fallback_suggestion</c>; with a <c>Retry-After</c> header in seconds when <paramref name="retryAfter"/> is given.</summary>
    public static SeedanceFault RateLimited(TimeSpan? retryAfter = null) => new(SeedanceFaultKind.Error)
    {
        StatusCode = 429,
        ErrorType = "rate_limit_error",
        Message = "Rate limit exceeded.",
        RetryAfterHeader = retryAfter is { } wait ? ((long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    /// <summary>429 <c>rate_limit_error</c> with a <c>Retry-After</c> header holding the HTTP date <paramref name="retryAt"/>.</summary>
    public static SeedanceFault RateLimitedUntil(DateTimeOffset retryAt) => new(SeedanceFaultKind.Error)
    {
        StatusCode = 429,
        ErrorType = "rate_limit_error",
        Message = "Rate limit exceeded.",
        RetryAfterHeader = retryAt.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>503 <c>service_unavailable_error</c>, optionally with a <c>Retry-After</c> header in seconds.</summary>
    public static SeedanceFault ServiceUnavailable(TimeSpan? retryAfter = null) => new(SeedanceFaultKind.Error)
    {
        StatusCode = 503,
        ErrorType = "service_unavailable_error",
        Message = "The service is temporarily unavailable.",
        RetryAfterHeader = retryAfter is { } wait ? ((long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    /// <summary>
    /// 500 <c>internal_server_error</c> after the request was handled: a create call's task IS created (and counted in
    /// <see cref="SeedanceEmulator.TasksCreated"/>), but the answer is an error, as when the API fails after receipt.
    /// </summary>
    public static SeedanceFault ServerErrorAfterReceipt() => new(SeedanceFaultKind.ServerErrorAfterReceipt)
    {
        StatusCode = 500,
        ErrorType = "internal_server_error",
        Message = "Internal server error.",
    };

    /// <summary>
    /// The request is handled (a create call's task IS created), then the connection is dropped in the middle of the
    /// answer: the client sees a response that ended early and cannot know what happened.
    /// </summary>
    public static SeedanceFault DropConnection() => new(SeedanceFaultKind.DropConnection);

    /// <summary>A slow answer: the emulator waits <paramref name="delay"/>, then answers normally.</summary>
    public static SeedanceFault Delay(TimeSpan delay) =>
        delay < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(delay)) : new(SeedanceFaultKind.Delay) { DelayDuration = delay };

    /// <summary>
    /// An answer with any status and body, not the API's error JSON: an HTML error page, an empty body
    /// (<paramref name="body"/> null or empty), or a malformed success body.
    /// </summary>
    public static SeedanceFault RawResponse(int statusCode, string? body, string contentType = "text/plain") => new(SeedanceFaultKind.Raw)
    {
        StatusCode = statusCode is < 100 or > 599 ? throw new ArgumentOutOfRangeException(nameof(statusCode)) : statusCode,
        Body = body,
        ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType)),
    };

    /// <summary>
    /// For <see cref="SeedanceEmulatorRoute.CreateTask"/>: the task is created as usual but ends <c>failed</c> with
    /// <c>error: { code: <paramref name="code"/>, message: <paramref name="message"/> }</c> instead of completing.
    /// </summary>
    public static SeedanceFault FailTask(string code, string message) => new(SeedanceFaultKind.FailTask)
    {
        TaskErrorCode = code ?? throw new ArgumentNullException(nameof(code)),
        Message = message ?? throw new ArgumentNullException(nameof(message)),
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SeedanceFaultKind.Error => $"HTTP {StatusCode} {ErrorType}",
        SeedanceFaultKind.ServerErrorAfterReceipt => "HTTP 500 after receipt",
        SeedanceFaultKind.DropConnection => "dropped connection",
        SeedanceFaultKind.Delay => $"delay {DelayDuration}",
        SeedanceFaultKind.Raw => $"raw HTTP {StatusCode} ({ContentType})",
        SeedanceFaultKind.FailTask => $"task fails with {TaskErrorCode}",
        _ => Kind.ToString(),
    };
}

/// <summary>What a <see cref="SeedanceFault"/> does.</summary>
internal enum SeedanceFaultKind
{
    Error,
    ServerErrorAfterReceipt,
    DropConnection,
    Delay,
    Raw,
    FailTask,
}
