using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Seedance.Testing;
using Xunit;

namespace Seedance.Client.Tests;

public sealed class SecretHygieneTests
{
    [Fact]
    public async Task The_api_key_appears_in_no_exception_message_ToString_or_log_line()
    {
        var captured = new List<string>();
        // Short enough for the slow-answer scenario, long enough for ordinary calls on a busy machine.
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 1, http: http);
        var submitted = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        // A server (or proxy) that echoes the key back must not get it into a message either.
        var scenarios = new (SeedanceEmulatorRoute Route, SeedanceFault Fault)[]
        {
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.HttpError(401, $"Invalid API key {Secrets.ApiKey}.", param: Secrets.ApiKey)),
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.RawResponse(403, $"<html>Forbidden for Bearer {Secrets.ApiKey}</html>", "text/html")),
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.ServerErrorAfterReceipt()),
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.DropConnection()),
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.Delay(TimeSpan.FromSeconds(10))),
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.RawResponse(200, $"{{\"echo\":\"{Secrets.ApiKey}\"}}", "application/json")),
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.FailTask("content_policy_violation", "flagged")),
            (SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimited()),
        };
        foreach (var (route, fault) in scenarios)
        {
            h.Emulator.Enqueue(route, fault, count: 2);
            var ex = await Record.ExceptionAsync(() => h.Core.GenerateAsync(Requests.TextToVideo(), null, CancellationToken.None));
            Assert.NotNull(ex);
            captured.Add(ex!.Message);
            captured.Add(ex.ToString());
            while (h.Emulator.PendingFaultCount(route) > 0) await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.HttpError(404, $"No task for key {Secrets.ApiKey}"), count: 2);
        var poll = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.GetTaskAsync(submitted.Id, CancellationToken.None));
        captured.Add(poll.ToString());
        Assert.Contains("No task for key ***", poll.Message, StringComparison.Ordinal);

        captured.Add(h.Options.ToString());
        captured.Add(submitted.ToString());
        foreach (var entry in h.Logs.Entries) captured.Add(entry.AllText);
        foreach (var request in h.Emulator.Requests) captured.Add(request.ToString());

        Assert.True(captured.Count > 20);
        Assert.Contains(h.Logs.Entries, e => e.EventId.Name == "RequestSending");
        Assert.All(captured, text => Assert.DoesNotContain(Secrets.ApiKey, text, StringComparison.Ordinal));
        Assert.Contains("(set, redacted)", h.Options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_goes_only_into_the_request_header_not_the_shared_HttpClient()
    {
        await using var h = await Harness.StartAsync();

        await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        Assert.Null(h.Http.DefaultRequestHeaders.Authorization);
        Assert.All(h.Emulator.Requests, r => Assert.True(r.HasAuthorization));
    }

    [Fact]
    public async Task HttpClientFactory_logs_do_not_show_the_key()
    {
        await using var emulator = new SeedanceEmulator(new SeedanceEmulatorOptions { ApiKey = Secrets.ApiKey });
        await emulator.StartAsync();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSeedanceClient<VideoClient>(o =>
        {
            o.ApiKey = Secrets.ApiKey;
            o.BaseAddress = emulator.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<VideoClient>();
        await client.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == "Seedance.Client.Tests.VideoClient");
        Assert.All(logs.Entries, e => Assert.DoesNotContain(Secrets.ApiKey, e.AllText, StringComparison.Ordinal));
    }
}
