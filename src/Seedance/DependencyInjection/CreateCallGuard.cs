using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http;

namespace Seedance;

/// <summary>
/// Stops any handler in an <see cref="HttpClient"/>'s pipeline from sending a paid create call twice. The client
/// marks each attempt of a create call; this handler, installed innermost by <c>AddSeedanceClient</c> (after every
/// handler the application adds, a resilience handler included), lets each mark through once. A retry from above
/// it that would resend the same attempt is refused with an <see cref="HttpRequestException"/>, which the client
/// reports as an outcome-unknown create call, never as a second charge. A resend after the first try provably
/// never left the machine (connection refused) goes through.
/// </summary>
internal sealed class CreateCallGuardHandler : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<CreateCallMark> Key = new("Seedance.CreateCall");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(Key, out var mark) || mark is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref mark.State, CreateCallMark.Sent, CreateCallMark.NotSent) == CreateCallMark.Sent)
        {
            throw new HttpRequestException(
                "A handler in this HttpClient's pipeline (a retry or resilience handler) tried to send the paid create call again. "
                + "Seedance stopped it: the first send may have created a task, and a second one would be charged again.");
        }
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (SeedanceHttpFailures.ProvesNotSent(ex))
        {
            Volatile.Write(ref mark.State, CreateCallMark.NotSent);
            throw;
        }
        // 429 and 503 say no task was created: sending again is safe, and the refusal stays a refusal.
        if (SeedanceRetryStrategy.IsRefusal(response.StatusCode)) Volatile.Write(ref mark.State, CreateCallMark.NotSent);
        return response;
    }
}

/// <summary>One attempt of a create call, as the guard sees it.</summary>
internal sealed class CreateCallMark
{
    public const int NotSent = 0;
    public const int Sent = 1;
    public int State;
}

/// <summary>Adds the guard after every other handler of the named client, so that it sits next to the network.</summary>
internal sealed class CreateCallGuardFilter(string clientName) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (!string.Equals(builder.Name, clientName, StringComparison.Ordinal)) return;
        // AddSeedanceClient called twice registers two filters: one guard is enough (two would refuse each other).
        foreach (var handler in builder.AdditionalHandlers)
        {
            if (handler is CreateCallGuardHandler) return;
        }
        builder.AdditionalHandlers.Add(new CreateCallGuardHandler());
    };
}
