using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Seedance;

/// <summary>
/// The two retry pipelines of the client (Polly.Core). The rules, from the API's billing: credits are reserved as soon as
/// a create call is received and there is no idempotency key, so a create call is retried only on answers that prove no
/// task was created (429, 503) or a connection that failed before the request was sent. Polls are read-only and are
/// retried on 408, 429, 5xx, lost connections and timeouts. Cancellation by the caller is never retried.
/// </summary>
internal static class SeedanceRetryStrategy
{
    /// <summary>The request's method, for log events.</summary>
    public static readonly ResiliencePropertyKey<string> MethodKey = new("Seedance.Method");

    /// <summary>The request's path, for log events.</summary>
    public static readonly ResiliencePropertyKey<string> PathKey = new("Seedance.Path");

    public static ResiliencePipeline<HttpResponseMessage> Create(bool isCreateCall, SeedanceClientOptions options, ILogger logger, TimeProvider timeProvider)
    {
        if (options.MaxRetries == 0) return ResiliencePipeline<HttpResponseMessage>.Empty;

        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = isCreateCall ? "Seedance.Create" : "Seedance.Read",
            MaxRetryAttempts = options.MaxRetries,
            ShouldHandle = args => new ValueTask<bool>(ShouldRetry(isCreateCall, args.Outcome, args.Context.CancellationToken, options, timeProvider)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(DelayFor(args.Outcome, args.AttemptNumber, options, timeProvider)),
            OnRetry = args =>
            {
                args.Context.Properties.TryGetValue(MethodKey, out var method);
                args.Context.Properties.TryGetValue(PathKey, out var path);
                var reason = args.Outcome.Exception is { } exception
                    ? SeedanceHttpFailures.Describe(exception)
                    : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                SeedanceLog.RetryScheduled(logger, method ?? "?", path ?? "?", reason, args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay);
                return default;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }.AddRetry(retry).Build();
    }

    /// <summary>The wait the answer asks for in its <c>Retry-After</c> header (a delay or a date), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>True for 429 and 503: the API refused the call, so nothing was created.</summary>
    public static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    private static bool ShouldRetry(bool isCreateCall, Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken, SeedanceClientOptions options, TimeProvider timeProvider)
    {
        if (cancellationToken.IsCancellationRequested) return false;

        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                HttpRequestException http => isCreateCall ? SeedanceHttpFailures.IsRetryableNotSent(http) : http.HttpRequestError != HttpRequestError.SecureConnectionError,
                // The caller's token is not cancelled (checked above), so this is HttpClient.Timeout: the request may
                // have arrived, which rules out a create call; a poll is safe to repeat.
                OperationCanceledException => !isCreateCall,
                _ => false,
            };
        }

        var response = outcome.Result!;
        var status = response.StatusCode;
        var retryable = IsRefusal(status) || (!isCreateCall && (status == HttpStatusCode.RequestTimeout || (int)status >= 500));
        if (!retryable) return false;

        // A Retry-After longer than the client is willing to sleep ends the retries: the caller sees RetryAfter and decides.
        return RetryAfter(response, timeProvider) is not { } wait || wait <= options.MaxRetryDelay;
    }

    private static TimeSpan DelayFor(Outcome<HttpResponseMessage> outcome, int attemptNumber, SeedanceClientOptions options, TimeProvider timeProvider)
    {
        if (outcome.Result is { } response)
        {
            if (RetryAfter(response, timeProvider) is { } wait) return wait;
            if (IsRefusal(response.StatusCode)) return Backoff(options.RetryDelay, attemptNumber, options.MaxRetryDelay);
        }
        return Backoff(options.TransientRetryDelay, attemptNumber, options.MaxRetryDelay);
    }

    /// <summary>The back-off after <paramref name="attemptNumber"/> earlier retries: first, then doubling, capped at max.</summary>
    internal static TimeSpan Backoff(TimeSpan first, int attemptNumber, TimeSpan max)
    {
        // first, 2×first, 4×first, … capped; computed in ticks as double so a large attempt number cannot overflow.
        var ticks = first.Ticks * Math.Pow(2, Math.Min(attemptNumber, 30));
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
