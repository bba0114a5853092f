using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Seedance.Client.Tests.StandIn;

/// <summary>
/// <c>AddSeedanceClient&lt;VideoClient&gt;().AddStandardResilienceHandler()</c> with the real
/// Microsoft.Extensions.Http.Resilience: its retry strategy retries every method on a 500, and the paid create
/// call must still be sent once.
/// </summary>
public sealed class ResilienceHandlerTests
{
    [Fact]
    public async Task The_standard_resilience_handler_cannot_resend_the_create_call()
    {
        await using var server = new StandInServer(r => r.Method == "POST" ? Fault.ServerErrorAfterRecording : Fault.None);
        var services = new ServiceCollection();
        services.AddSeedanceClient<VideoClient>(o =>
            {
                o.ApiKey = Secrets.ApiKey;
                o.BaseAddress = server.BaseAddress;
                o.MaxRetries = 0;
            })
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(10);
                o.Retry.MaxRetryAttempts = 3;
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<VideoClient>();

        var ex = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => client.SubmitTextToVideoAsync(new TextToVideoRequest { Prompt = "A lighthouse at dusk." }));

        await StandInTests.Eventually(() => server.CreateCount == 1);
        await Task.Delay(200);
        Assert.Equal(1, server.CreateCount);
        Assert.Contains("may have been created", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polls_are_still_retried_by_the_resilience_handler()
    {
        var polls = 0;
        await using var server = new StandInServer(r => r.Method == "GET" && System.Threading.Interlocked.Increment(ref polls) <= 2 ? Fault.Unavailable : Fault.None);
        var services = new ServiceCollection();
        services.AddSeedanceClient<VideoClient>(o =>
            {
                o.ApiKey = Secrets.ApiKey;
                o.BaseAddress = server.BaseAddress;
                o.MaxRetries = 0;
                o.PollInterval = TimeSpan.FromMilliseconds(10);
                o.MaxPollInterval = TimeSpan.FromMilliseconds(40);
            })
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(10));
        await using var provider = services.BuildServiceProvider();

        var done = await provider.GetRequiredService<VideoClient>().GenerateTextToVideoAsync(new TextToVideoRequest { Prompt = "A lighthouse at night." });

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(1, server.CreateCount);
    }

    [Fact]
    public async Task A_refused_create_call_stays_a_refusal_and_AddSeedanceClient_twice_still_sends()
    {
        var posts = 0;
        await using var server = new StandInServer(r => r.Method == "POST" && System.Threading.Interlocked.Increment(ref posts) <= 8 ? Fault.RateLimited : Fault.None);
        var services = new ServiceCollection();
        services.AddSeedanceClient<VideoClient>(o => { o.ApiKey = Secrets.ApiKey; o.BaseAddress = server.BaseAddress; o.MaxRetries = 0; });
        services.AddSeedanceClient<VideoClient>(o => { o.ApiKey = Secrets.ApiKey; o.BaseAddress = server.BaseAddress; o.MaxRetries = 0; })
            .AddStandardResilienceHandler(o => { o.Retry.Delay = TimeSpan.FromMilliseconds(5); o.Retry.MaxRetryAttempts = 2; });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<VideoClient>();

        // Three 429s in a row (the resilience handler's three tries): no task, and the client says so.
        var refused = await Assert.ThrowsAsync<SeedanceApiException>(() => client.SubmitTextToVideoAsync(new TextToVideoRequest { Prompt = "A lighthouse, refused." }));
        Assert.IsNotType<SeedanceRequestOutcomeUnknownException>(refused);
        Assert.Equal(429, refused.StatusCode);
        Assert.Equal(0, server.CreateCount);

        posts = 100;
        var created = await client.SubmitTextToVideoAsync(new TextToVideoRequest { Prompt = "A lighthouse, accepted." });
        Assert.Equal(1, server.CreateCount);
        Assert.Equal(Assert.Single(server.Tasks.Keys), created.Id);
    }

    [Fact]
    public async Task A_cancellation_in_a_back_off_after_refusals_says_no_task_exists()
    {
        await using var server = new StandInServer(r => r.Method == "POST" ? Fault.RateLimited : Fault.None);
        var (core, _) = StandInTests.Client(server, o => { o.RetryDelay = TimeSpan.FromSeconds(30); o.MaxRetryDelay = TimeSpan.FromSeconds(60); });
        using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<SeedanceSubmitCanceledException>(() => core.SubmitAsync(StandInTests.Request(), cancel.Token));

        Assert.False(ex.RequestSent);
        Assert.Contains("no task was created", ex.Message, StringComparison.Ordinal);
    }
}
