using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Seedance.Serialization;

namespace Seedance;

/// <summary>
/// The HTTP engine behind every generated Seedance client: validation, the create call, polling, retries and error
/// mapping. Generated clients call it; application code uses the generated client instead.
/// </summary>
/// <remarks>
/// Thread-safe: one instance serves concurrent calls. The API key goes into each request's <c>Authorization</c> header,
/// never into the shared <see cref="HttpClient"/>'s default headers, so a client from <c>IHttpClientFactory</c> can be
/// shared with other code without exposing the key to it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class SeedanceClientCore
{
    private const string CreatePath = "v1/videos/generations";
    private const string TasksPath = "v1/tasks/";
    private const double PollBackoffFactor = 1.5;
    private const int ExcerptBytes = 4096;
    private static readonly MediaTypeWithQualityHeaderValue s_json = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly SeedanceClientOptions _options;
    private readonly SeedanceModelCatalog _catalog;
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> _createPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;

    /// <summary>Creates the core.</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.BaseAddress"/>, if set, wins over <see cref="SeedanceClientOptions.BaseAddress"/>.</param>
    /// <param name="options">Settings; null for the defaults (API key from <c>SEEDANCE_API_KEY</c>). Copied: later changes have no effect.</param>
    /// <param name="catalog">The model matrix requests are validated against before they are sent.</param>
    /// <param name="logger">Where request, retry and task events go; null for none.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public SeedanceClientCore(HttpClient httpClient, SeedanceClientOptions? options, SeedanceModelCatalog catalog, ILogger? logger)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = (options ?? new SeedanceClientOptions()).Snapshot();
        _options.Validate();
        _logger = logger ?? NullLogger.Instance;
        _redactor = new SecretRedactor(_options.ApiKey);
        _timeProvider = _options.TimeProvider;
        _createPipeline = SeedanceRetryStrategy.Create(isCreateCall: true, _options, _logger, _timeProvider);
        _readPipeline = SeedanceRetryStrategy.Create(isCreateCall: false, _options, _logger, _timeProvider);
    }

    /// <summary>The model matrix requests are validated against.</summary>
    public SeedanceModelCatalog Catalog => _catalog;

    /// <summary>
    /// Validates <paramref name="request"/>, then sends it once as <c>POST /v1/videos/generations</c> and returns the
    /// created task (status pending).
    /// </summary>
    /// <exception cref="SeedanceValidationException">The request breaks a rule of the matrix; nothing was sent.</exception>
    /// <exception cref="SeedanceRequestOutcomeUnknownException">The request was sent but its outcome is unknown; a task may exist.</exception>
    /// <exception cref="SeedanceApiException">The API refused the request; no task was created.</exception>
    /// <exception cref="HttpRequestException">No connection could be made (after the retries); the request was not sent.</exception>
    /// <exception cref="InvalidOperationException">No API key is configured; nothing was sent.</exception>
    /// <exception cref="SeedanceSubmitCanceledException">The caller cancelled during the create call; it says whether a task may exist.</exception>
    public Task<VideoTask> SubmitAsync(SeedanceRequest request, CancellationToken cancellationToken) =>
        SubmitCoreAsync(request, cancellationToken, null);

    private Task<VideoTask> SubmitCoreAsync(SeedanceRequest request, CancellationToken cancellationToken, CancellationTokenSource? deadline) =>
        SendCreateAsync(Prepare(request), cancellationToken, deadline, onRefused: null);

    /// <summary>Everything checked before a create call may leave: the rules, the key, and the body as it will be sent.</summary>
    private PreparedCreate Prepare(SeedanceRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        _catalog.Validate(request);
        var apiKey = RequireApiKey();
        var body = JsonSerializer.SerializeToUtf8Bytes(request, SeedanceJsonContext.Default.SeedanceRequest);
        return new PreparedCreate(request, body, apiKey);
    }

    private readonly record struct PreparedCreate(SeedanceRequest Request, byte[] Body, string ApiKey);

    /// <param name="onRefused">Told of each attempt the API refused with 429 or 503 (and its Retry-After), for a batch's back-off.</param>
    /// <param name="shieldAttempts">Whether an attempt in flight finishes (within AttemptTimeout) even when the caller cancels.</param>
    private async Task<VideoTask> SendCreateAsync(PreparedCreate prepared, CancellationToken cancellationToken, CancellationTokenSource? deadline, Action<TimeSpan?>? onRefused, bool shieldAttempts = false)
    {
        var request = prepared.Request;
        var call = new Call(HttpMethod.Post, Resolve(CreatePath), prepared.Body, prepared.ApiKey) { OnRefused = onRefused, ShieldAttempts = shieldAttempts };

        // WaitTimeout bounds a whole generation, its create call included.
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked?.Token ?? cancellationToken;
        HttpResponseMessage response;
        try
        {
            response = await ExecuteAsync(_createPipeline, call, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            SeedanceLog.CreateCancelled(_logger, call.Path);
            throw new SeedanceSubmitCanceledException(request.Model, call.MayHaveReachedApi, call.Path, cancellationToken, ex);
        }
        catch (OperationCanceledException ex) when (deadline?.IsCancellationRequested == true)
        {
            if (!call.MayHaveReachedApi)
            {
                // Every attempt so far was refused (429, 503) or never left: the WaitTimeout ran out in a back-off.
                throw new TimeoutException($"The WaitTimeout ({_options.WaitTimeout}) ran out while the create call was waiting to be retried after {call.Attempts} refused attempts; no task was created.", ex);
            }
            throw OutcomeUnknown(call, $"got no answer before the WaitTimeout ({_options.WaitTimeout}) ran out", 0, default, ex);
        }
        catch (OperationCanceledException ex)
        {
            var limit = _options.AttemptTimeout == Timeout.InfiniteTimeSpan || _httpClient.Timeout < _options.AttemptTimeout
                ? $"the HttpClient's timeout ({_httpClient.Timeout})"
                : $"the AttemptTimeout ({_options.AttemptTimeout})";
            throw OutcomeUnknown(call, $"got no answer within {limit}", 0, default, ex);
        }
        catch (HttpRequestException ex) when (!SeedanceHttpFailures.ProvesNotSent(ex))
        {
            throw OutcomeUnknown(call, $"lost its connection after the request was sent ({SeedanceHttpFailures.Describe(ex)})", 0, default, ex);
        }
        catch (ResponseTooLargeException ex)
        {
            throw OutcomeUnknown(call, $"{call.Method.Method} {call.Path} answered {ex.StatusCode} with more than MaxResponseBytes ({_options.MaxResponseBytes:N0} bytes), which the client refused to read: \"{SeedanceHttpFailures.Excerpt(ex.Start, _redactor)}\".", ex.StatusCode, default, ex, probablyCreated: ex.StatusCode is >= 200 and < 300);
        }

        using (response)
        {
            // Already buffered: reading it cannot be cancelled half-way, and must not be once the answer is here.
            var content = await ReadBodyAsync(response, CancellationToken.None).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var answer = SeedanceHttpFailures.DescribeAnswer(call.Method.Method, call.Path, status, response.ReasonPhrase, content, _redactor);
                SeedanceLog.RequestFailed(_logger, call.Method.Method, call.Path, status, answer.ErrorType ?? "no error type");
                if (status >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    throw OutcomeUnknown(call, answer.Summary, status, answer, null);
                }
                var refusal = SeedanceRetryStrategy.IsRefusal(response.StatusCode);
                throw ApiError(answer, status, SeedanceRetryStrategy.RetryAfter(response, _timeProvider), call,
                    refusal ? "No task was created; send the request again later." : "The request was refused; no task was created.");
            }

            if (!VideoTaskParser.TryParse(content, _redactor, out var task, out var problem))
            {
                var summary = $"{call.Method.Method} {call.Path} answered {status} but {problem}: \"{SeedanceHttpFailures.Excerpt(content, _redactor)}\".";
                throw OutcomeUnknown(call, summary, status, default, null, probablyCreated: true);
            }
            SeedanceLog.TaskCreated(_logger, task!.Id, task.Model);
            return task;
        }
    }

    /// <summary>Submits <paramref name="request"/>, then waits for the task to end (see <see cref="WaitForCompletionAsync"/>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">
    /// Receives the created task first (its ID lets you resume waiting after a cancellation), then the task each time its
    /// status or progress changes.
    /// </param>
    /// <param name="cancellationToken">Stops waiting (the task itself goes on at the API).</param>
    /// <returns>The completed task, with <see cref="VideoTask.Results"/>.</returns>
    /// <exception cref="SeedanceTaskFailedException">The task failed.</exception>
    /// <exception cref="SeedanceTaskTimeoutException">The task did not end within <see cref="SeedanceClientOptions.WaitTimeout"/>.</exception>
    public async Task<VideoTask> GenerateAsync(SeedanceRequest request, IProgress<VideoTask>? progress, CancellationToken cancellationToken)
    {
        using var deadline = Deadline();
        var submitted = await SubmitCoreAsync(request, cancellationToken, deadline).ConfigureAwait(false);
        progress?.Report(submitted);
        return await WaitCoreAsync(submitted, progress, cancellationToken, deadline: deadline).ConfigureAwait(false);
    }

    private CancellationTokenSource? Deadline() =>
        _options.WaitTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_options.WaitTimeout, _timeProvider);

    /// <summary>Reads a task once with <c>GET /v1/tasks/{id}</c> (retried on transient faults).</summary>
    /// <exception cref="SeedanceApiException">The API answered with an error (400 for a malformed ID, 404 for an unknown one) or an unreadable body.</exception>
    public Task<VideoTask> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        RequireTaskId(taskId);
        return GetTaskCoreAsync(taskId, cancellationToken);
    }

    /// <summary>
    /// Polls a task until it completes (returned) or fails (thrown). The first poll is immediate; then waits start at
    /// <see cref="SeedanceClientOptions.PollInterval"/> and grow 1.5 times each, up to <see cref="SeedanceClientOptions.MaxPollInterval"/>.
    /// A status this client does not know counts as not finished.
    /// </summary>
    /// <param name="taskId">The task ID.</param>
    /// <param name="progress">Receives the task each time its status or progress changes.</param>
    /// <param name="cancellationToken">Stops waiting (the task itself goes on at the API); never retried.</param>
    /// <exception cref="SeedanceTaskFailedException">The task failed; the exception carries its error code and message.</exception>
    /// <exception cref="SeedanceTaskTimeoutException">The task did not end within <see cref="SeedanceClientOptions.WaitTimeout"/>.</exception>
    public Task<VideoTask> WaitForCompletionAsync(string taskId, IProgress<VideoTask>? progress, CancellationToken cancellationToken)
    {
        RequireTaskId(taskId);
        return WaitCoreAsync(new VideoTask { Id = taskId, Status = VideoTaskStatus.Unknown }, progress, cancellationToken, pollFirst: true);
    }

    private async Task<VideoTask> WaitCoreAsync(VideoTask last, IProgress<VideoTask>? progress, CancellationToken cancellationToken, bool pollFirst = false, CancellationTokenSource? deadline = null)
    {
        using var ownDeadline = deadline is null ? Deadline() : null;
        deadline ??= ownDeadline;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked?.Token ?? cancellationToken;
        var interval = _options.PollInterval;
        var reported = pollFirst ? null : last;
        var warnedUnknown = false;
        var failures = 0;

        try
        {
            while (true)
            {
                if (!pollFirst)
                {
                    if (FinishedOrThrow(last) is { } finished) return finished;
                    await Task.Delay(interval, _timeProvider, token).ConfigureAwait(false);
                    interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * PollBackoffFactor), _options.MaxPollInterval.Ticks));
                }
                pollFirst = false;

                try
                {
                    last = await GetTaskCoreAsync(last.Id, token).ConfigureAwait(false);
                    failures = 0;
                }
                catch (Exception ex) when (IsTransientPollFailure(ex, token))
                {
                    // A poll is a read, and the task was paid for: one bad answer (a proxy's HTML page, a dropped
                    // connection, a 503) never ends the wait on its own; a run of them does.
                    failures++;
                    SeedanceLog.PollFailed(_logger, last.Id, failures, _options.MaxConsecutivePollFailures, SeedanceHttpFailures.Describe(ex));
                    if (failures >= _options.MaxConsecutivePollFailures) throw GaveUp(ex, last.Id, failures);
                    continue;
                }
                catch (SeedanceApiException ex)
                {
                    ex.TaskId ??= last.Id;
                    throw;
                }

                SeedanceLog.TaskPolled(_logger, last.Id, last.RawStatus, last.Progress);
                if (last.Status == VideoTaskStatus.Unknown && !warnedUnknown)
                {
                    SeedanceLog.UnknownTaskStatus(_logger, last.Id, last.RawStatus);
                    warnedUnknown = true;
                }
                if (reported is null || reported.Status != last.Status || reported.Progress != last.Progress || reported.RawStatus != last.RawStatus)
                {
                    progress?.Report(last);
                    reported = last;
                }
            }
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            SeedanceLog.WaitTimedOut(_logger, last.Id, _options.WaitTimeout);
            throw new SeedanceTaskTimeoutException(last, _options.WaitTimeout);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex is not SeedanceWaitCanceledException)
        {
            throw new SeedanceWaitCanceledException(last, cancellationToken, ex);
        }
    }

    /// <summary>Poll failures that can go away by themselves: unreadable answers, lost connections, attempt timeouts, 408, 429, 5xx.</summary>
    private static bool IsTransientPollFailure(Exception exception, CancellationToken token) => exception switch
    {
        _ when token.IsCancellationRequested => false,
        SeedanceApiException api => api.IsUnreadableAnswer || api.StatusCode is 408 or 429 or >= 500,
        HttpRequestException => true,
        OperationCanceledException => true,
        _ => false,
    };

    private SeedanceApiException GaveUp(Exception last, string taskId, int failures)
    {
        var detail = last is SeedanceApiException api ? api.Message : SeedanceHttpFailures.Describe(last);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Gave up waiting for task {taskId} after {failures} failed polls in a row (MaxConsecutivePollFailures); the last: {_redactor.Redact(detail)} The task may still complete: call WaitForCompletionAsync(\"{taskId}\") later instead of submitting again.");
        var status = last is SeedanceApiException known ? known.StatusCode : 0;
        return new SeedanceApiException(message, status, (last as SeedanceApiException)?.ErrorType, null, (last as SeedanceApiException)?.ErrorCode, null, (last as SeedanceApiException)?.RetryAfter, last) { TaskId = taskId };
    }

    private VideoTask? FinishedOrThrow(VideoTask task)
    {
        switch (task.Status)
        {
            case VideoTaskStatus.Completed:
                SeedanceLog.TaskCompleted(_logger, task.Id, task.Results.Count);
                return task;
            case VideoTaskStatus.Failed or VideoTaskStatus.Cancelled:
                SeedanceLog.TaskFailed(_logger, task.Id, task.Error?.Code is { Length: > 0 } code ? code : task.RawStatus);
                throw new SeedanceTaskFailedException(task);
            default:
                return null;
        }
    }

    private async Task<VideoTask> GetTaskCoreAsync(string taskId, CancellationToken cancellationToken)
    {
        var apiKey = RequireApiKey();
        var call = new Call(HttpMethod.Get, Resolve(TasksPath + Uri.EscapeDataString(taskId)), null, apiKey);
        HttpResponseMessage response;
        try
        {
            response = await ExecuteAsync(_readPipeline, call, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException ex)
        {
            throw new SeedanceApiException(
                $"{call.Method.Method} {call.Path} answered {ex.StatusCode} with more than MaxResponseBytes ({_options.MaxResponseBytes:N0} bytes), which the client refused to read.", ex.StatusCode, innerException: ex)
            { IsUnreadableAnswer = true, TaskId = taskId };
        }
        using (response)
        {
            var content = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var answer = SeedanceHttpFailures.DescribeAnswer(call.Method.Method, call.Path, status, response.ReasonPhrase, content, _redactor);
                SeedanceLog.RequestFailed(_logger, call.Method.Method, call.Path, status, answer.ErrorType ?? "no error type");
                var error = ApiError(answer, status, SeedanceRetryStrategy.RetryAfter(response, _timeProvider), call, null);
                error.TaskId = taskId;
                throw error;
            }
            if (!VideoTaskParser.TryParse(content, _redactor, out var task, out var problem))
            {
                throw new SeedanceApiException(
                    $"{call.Method.Method} {call.Path} answered {status} but {problem}: \"{SeedanceHttpFailures.Excerpt(content, _redactor)}\".", status)
                { IsUnreadableAnswer = true, TaskId = taskId };
            }
            return task!;
        }
    }

    private async Task<HttpResponseMessage> ExecuteAsync(ResiliencePipeline<HttpResponseMessage> pipeline, Call call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SeedanceRetryStrategy.MethodKey, call.Method.Method);
        context.Properties.Set(SeedanceRetryStrategy.PathKey, call.Path);
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, state) => state.Core.SendOnceAsync(state.Call, ctx.CancellationToken),
                context,
                (Core: this, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(Call call, CancellationToken cancellationToken)
    {
        // A new message per attempt: an HttpRequestMessage cannot be sent twice.
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.ApiKey);
        request.Headers.Accept.Add(s_json);
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            // Each attempt of a create call is marked, so that a handler below cannot send it a second time.
            request.Options.Set(CreateCallGuardHandler.Key, new CreateCallMark());
        }

        // Each attempt has its own time limit, the create call's included.
        using var timeout = _options.AttemptTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_options.AttemptTimeout, _timeProvider);
        // A shielded create attempt is not cut short by the caller: once it may reach the API, its answer is waited
        // for (within AttemptTimeout) and recorded, so that a cancelled journaled call leaves a task ID, not a doubt.
        var callerToken = call.ShieldAttempts ? CancellationToken.None : cancellationToken;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(callerToken, timeout.Token);
        var token = linked?.Token ?? callerToken;

        call.Attempts++;
        SeedanceLog.RequestSending(_logger, call.Method.Method, call.Path, call.Attempts);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        // Until the answer says otherwise, this attempt may have reached the API.
        call.MayHaveReachedApi = true;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (SeedanceHttpFailures.ProvesNotSent(ex))
        {
            call.MayHaveReachedApi = call.EarlierMayHaveReachedApi;
            throw;
        }
        if (SeedanceRetryStrategy.IsRefusal(response.StatusCode))
        {
            call.MayHaveReachedApi = call.EarlierMayHaveReachedApi;
            call.OnRefused?.Invoke(SeedanceRetryStrategy.RetryAfter(response, _timeProvider));
        }
        else call.EarlierMayHaveReachedApi = true;
        try
        {
            // The body is read inside the attempt, and only up to MaxResponseBytes: a connection lost mid-body is a
            // fault of this attempt (retried for polls), and a 50 MB answer is refused instead of buffered.
            await BufferBodyAsync(response, token).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        SeedanceLog.ResponseReceived(_logger, call.Method.Method, call.Path, (int)response.StatusCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    private async Task BufferBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = _options.MaxResponseBytes;
        var status = (int)response.StatusCode;
        // A declared length over the limit is refused at once, after its first bytes (an excerpt may name the task).
        var declaredTooLarge = response.Content.Headers.ContentLength is { } declared && declared > limit;
        if (declaredTooLarge) limit = ExcerptBytes;
        var buffer = new MemoryStream();
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    buffer.Write(chunk, 0, (int)Math.Min(read, Math.Max(0, ExcerptBytes - buffer.Length)));
                    throw new ResponseTooLargeException(status, buffer.ToArray());
                }
                buffer.Write(chunk, 0, read);
            }
            if (declaredTooLarge) throw new ResponseTooLargeException(status, buffer.ToArray());
        }
        catch (IOException ex)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection was lost while the answer was read.", ex, response.StatusCode);
        }
        var content = new ByteArrayContent(buffer.ToArray());
        foreach (var header in response.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = content;
    }

    /// <summary>An answer larger than <see cref="SeedanceClientOptions.MaxResponseBytes"/>: refused, with its first bytes.</summary>
    private sealed class ResponseTooLargeException(int statusCode, byte[] start) : Exception("The answer is larger than MaxResponseBytes.")
    {
        public int StatusCode { get; } = statusCode;

        public byte[] Start { get; } = start;
    }

    private static Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        // Already buffered by SendOnceAsync (ResponseContentRead): this does not touch the network.
        response.Content.ReadAsByteArrayAsync(cancellationToken);

    private SeedanceApiException ApiError(AnswerDescription answer, int status, TimeSpan? retryAfter, Call call, string? outcome)
    {
        var message = answer.Summary;
        if (call.Attempts > 1) message += string.Create(CultureInfo.InvariantCulture, $" Gave up after {call.Attempts} attempts.");
        if (retryAfter is { } wait && wait > _options.MaxRetryDelay)
        {
            message += $" The API asked to wait {wait} before retrying, longer than MaxRetryDelay ({_options.MaxRetryDelay}), so the client did not retry.";
        }
        if (outcome is not null) message += " " + outcome;
        return new SeedanceApiException(message, status, answer.ErrorType, answer.Param, answer.ErrorCode, answer.FallbackSuggestion, retryAfter);
    }

    private SeedanceRequestOutcomeUnknownException OutcomeUnknown(Call call, string what, int status, AnswerDescription answer, Exception? inner, bool probablyCreated = false)
    {
        SeedanceLog.CreateOutcomeUnknown(_logger, call.Path, status == 0 ? (inner is null ? "no answer" : SeedanceHttpFailures.Describe(inner)) : $"HTTP {status}");
        var lead = status == 0 ? $"{call.Method.Method} {call.Path} {what}." : what;
        var consequence = probablyCreated
            ? " A task was probably created and its credits reserved, but its ID could not be read."
            : " The request reached the API (or may have), so a task may have been created and its credits reserved.";
        var message = lead + consequence
            + " The client did not send it again, because a second create call would be charged again: check whether the task exists before you retry.";
        return new SeedanceRequestOutcomeUnknownException(message, status, answer.ErrorType, answer.Param, answer.ErrorCode, answer.FallbackSuggestion, inner);
    }

    private string RequireApiKey()
    {
        var key = _options.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                $"No Seedance API key: set {nameof(SeedanceClientOptions)}.{nameof(SeedanceClientOptions.ApiKey)} or the {SeedanceClientOptions.ApiKeyEnvironmentVariable} environment variable. Nothing was sent.");
        }
        return key.Trim();
    }

    private Uri Resolve(string relative)
    {
        var baseAddress = _httpClient.BaseAddress ?? _options.BaseAddress;
        // Without the trailing slash, Uri resolution would drop the last path segment of a proxy base address.
        if (!baseAddress.AbsolutePath.EndsWith('/')) baseAddress = new Uri(baseAddress.AbsoluteUri + "/", UriKind.Absolute);
        return new Uri(baseAddress, relative);
    }

    private static void RequireTaskId(string taskId)
    {
        if (taskId is null) throw new ArgumentNullException(nameof(taskId));
        if (string.IsNullOrWhiteSpace(taskId)) throw new ArgumentException("The task ID is empty.", nameof(taskId));
        // It goes into a URL and into logs: a task ID of the API's shape only (its text is not echoed back).
        if (!VideoTaskParser.IsValidTaskId(taskId))
        {
            throw new ArgumentException(
                $"The task ID ({taskId.Length} characters) is not one the API issues: at most {VideoTaskParser.MaxTaskIdLength} letters, digits and -_.: characters.", nameof(taskId));
        }
    }

    /// <summary>One logical call: what to send, and how many attempts it took (for messages).</summary>
    private sealed class Call
    {
        public Call(HttpMethod method, Uri uri, byte[]? body, string apiKey)
        {
            Method = method;
            Uri = uri;
            Path = uri.AbsolutePath;
            Body = body;
            ApiKey = apiKey;
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        public string Path { get; }

        public byte[]? Body { get; }

        public string ApiKey { get; }

        public int Attempts { get; set; }

        /// <summary>Whether an attempt so far may have reached the API (not refused with 429/503, not provably unsent).</summary>
        public bool MayHaveReachedApi { get; set; }

        /// <summary>The same for the attempts before the current one.</summary>
        public bool EarlierMayHaveReachedApi { get; set; }

        /// <summary>Whether an attempt, once started, runs to its answer (or AttemptTimeout) whatever the caller cancels.</summary>
        public bool ShieldAttempts { get; init; }

        /// <summary>Told of each refused attempt (429, 503) with its Retry-After.</summary>
        public Action<TimeSpan?>? OnRefused { get; init; }
    }
}
