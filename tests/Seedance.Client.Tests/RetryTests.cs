using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;
using Xunit;

namespace Seedance.Client.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task Rate_limited_without_Retry_After_backs_off_then_creates_exactly_one_task()
    {
        await using var h = await Harness.StartAsync(o => o.RetryDelay = TimeSpan.FromMilliseconds(30));
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimited(), count: 2);

        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Pending, task.Status);
        Assert.Equal(3, h.Emulator.CreateRequestCount);
        Assert.Equal(1, h.Emulator.TasksCreated);
        // The configured back-off, doubling: 30 ms, then 60 ms.
        var delays = h.Logs.Entries.Where(e => e.EventId.Name == "RetryScheduled").Select(e => e.Values).ToArray();
        Assert.Equal(2, delays.Length);
        Assert.Contains("Delay=00:00:00.0300000", delays[0], StringComparison.Ordinal);
        Assert.Contains("Delay=00:00:00.0600000", delays[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limited_with_Retry_After_waits_that_long_then_creates_exactly_one_task()
    {
        await using var h = await Harness.StartAsync(o => o.RetryDelay = TimeSpan.FromMilliseconds(1));
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimited(TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();

        await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        // RetryDelay is 1 ms, so only the header explains a wait of about a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
        Assert.Equal(2, h.Emulator.CreateRequestCount);
        Assert.Equal(1, h.Emulator.TasksCreated);
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_honoured()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimitedUntil(DateTimeOffset.UtcNow.AddSeconds(-5)));

        await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        Assert.Equal(2, h.Emulator.CreateRequestCount);
        Assert.Equal(1, h.Emulator.TasksCreated);
    }

    [Fact]
    public async Task A_Retry_After_beyond_MaxRetryDelay_is_not_waited_out()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetryDelay = TimeSpan.FromSeconds(2));
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimited(TimeSpan.FromMinutes(10)));

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), ex.RetryAfter);
        Assert.Equal("retry after 60 seconds", ex.FallbackSuggestion);
        Assert.Contains("longer than MaxRetryDelay", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Emulator.CreateRequestCount);
    }

    [Fact]
    public async Task Service_unavailable_then_success_creates_one_task()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.ServiceUnavailable());

        await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        Assert.Equal(2, h.Emulator.CreateRequestCount);
        Assert.Equal(1, h.Emulator.TasksCreated);
    }

    [Fact]
    public async Task A_500_after_the_post_was_received_is_not_resent_and_says_the_task_may_exist()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.ServerErrorAfterReceipt());

        var ex = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(1, h.Emulator.CreateRequestCount);
        Assert.Equal(1, h.Emulator.TasksCreated);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("internal_server_error", ex.ErrorType);
        Assert.Equal(
            "POST /v1/videos/generations answered 500 (Internal Server Error): Internal server error. [type internal_server_error, code 500]. "
            + "The request reached the API (or may have), so a task may have been created and its credits reserved. "
            + "The client did not send it again, because a second create call would be charged again: check whether the task exists before you retry.",
            ex.Message);
        Assert.Contains(h.Logs.Entries, e => e.EventId.Name == "CreateOutcomeUnknown");
    }

    [Fact]
    public async Task A_connection_dropped_after_the_post_was_received_is_not_resent()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.DropConnection());

        var ex = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(1, h.Emulator.CreateRequestCount);
        Assert.Equal(1, h.Emulator.TasksCreated);
        Assert.Equal(0, ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.StartsWith("POST /v1/videos/generations lost its connection after the request was sent (", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a task may have been created", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_call_that_times_out_is_not_resent()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        await using var h = await Harness.StartAsync(http: http);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.Delay(TimeSpan.FromSeconds(5)));

        var ex = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(1, h.Emulator.CreateRequestCount);
        Assert.Equal(0, ex.StatusCode);
        Assert.StartsWith("POST /v1/videos/generations got no answer within the HttpClient's timeout (00:00:00.3000000).", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
    }

    [Fact]
    public async Task A_poll_that_times_out_is_retried()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        await using var h = await Harness.StartAsync(http: http);
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.Delay(TimeSpan.FromSeconds(5)));

        var read = await h.Core.GetTaskAsync(task.Id, CancellationToken.None);

        Assert.Equal(task.Id, read.Id);
        Assert.Equal(2, h.Emulator.Requests.Count(r => r.Route == SeedanceEmulatorRoute.GetTask));
    }

    [Fact]
    public async Task A_refused_connection_proves_the_post_was_not_sent_so_it_is_retried()
    {
        var port = FreePort();
        var handler = new CountingHandler();
        var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var logs = new CapturingLoggerProvider();
        var options = new SeedanceClientOptions { ApiKey = Secrets.ApiKey, MaxRetries = 2, TransientRetryDelay = TimeSpan.FromMilliseconds(5) };
        var core = new SeedanceClientCore(http, options, SeedanceModelCatalog.Default, logs.CreateLogger("test"));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(3, handler.Count);
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Name == "RetryScheduled"));
        http.Dispose();
    }

    [Fact]
    public async Task A_connection_dropped_during_polling_is_retried_and_polling_resumes()
    {
        await using var h = await Harness.StartAsync();
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.DropConnection(), count: 2);

        var done = await h.Core.WaitForCompletionAsync(task.Id, null, CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        var gets = h.Emulator.Requests.Where(r => r.Route == SeedanceEmulatorRoute.GetTask).ToArray();
        Assert.Equal(2, gets.Count(r => r.StatusCode is null));
        Assert.Equal(2, h.Logs.Entries.Count(e => e.EventId.Name == "RetryScheduled"));
        Assert.Equal(1, h.Emulator.TasksCreated);
    }

    [Fact]
    public async Task Polls_retry_502_and_408()
    {
        await using var h = await Harness.StartAsync();
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.HttpError(502));
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.HttpError(408));

        var read = await h.Core.GetTaskAsync(task.Id, CancellationToken.None);

        Assert.Equal(task.Id, read.Id);
        Assert.Equal(3, h.Emulator.Requests.Count(r => r.Route == SeedanceEmulatorRoute.GetTask));
    }

    [Fact]
    public async Task MaxRetries_zero_turns_retries_off()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimited());

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(1, h.Emulator.CreateRequestCount);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
