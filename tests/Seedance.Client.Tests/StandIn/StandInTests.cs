using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Seedance.Client.Tests.StandIn;

/// <summary>
/// The client against a loopback server of the tests' own (<see cref="StandInServer"/>), which answers with the
/// provider's documented JSON and injects faults: each finding of the client issue, as the user met it.
/// </summary>
public sealed class StandInTests
{
    private static int s_prompt;

    internal static SeedanceRequest Request() =>
        new("seedance-2.0-text-to-video", "A glass frog on a leaf, take " + Interlocked.Increment(ref s_prompt).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");

    internal static (SeedanceClientCore Core, HttpClient Http) Client(StandInServer server, Action<SeedanceClientOptions>? configure = null, ILogger? logger = null, HttpClient? http = null)
    {
        http ??= new HttpClient();
        http.BaseAddress = server.BaseAddress;
        var options = new SeedanceClientOptions
        {
            ApiKey = Secrets.ApiKey,
            PollInterval = TimeSpan.FromMilliseconds(10),
            MaxPollInterval = TimeSpan.FromMilliseconds(40),
            RetryDelay = TimeSpan.FromMilliseconds(20),
            TransientRetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            WaitTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return (new SeedanceClientCore(http, options, SeedanceModelCatalog.Default, logger), http);
    }

    /// <summary>The server records a create call on its own thread: wait (bounded) for it to have done so.</summary>
    internal static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task Unreadable_and_dropped_polls_do_not_end_the_wait()
    {
        var polls = 0;
        await using var server = new StandInServer(r => r.Method == "GET" ? Interlocked.Increment(ref polls) switch { 1 => Fault.Html, 2 => Fault.Truncated, 3 => Fault.Drop, 4 => Fault.Unavailable, _ => Fault.None } : Fault.None);
        var (core, _) = Client(server, o => o.MaxRetries = 0);

        var done = await core.GenerateAsync(Request(), null, CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(1, server.CreateCount);
        Assert.Single(done.Results);
    }

    [Fact]
    public async Task A_run_of_failed_polls_ends_the_wait_with_the_task_id()
    {
        await using var server = new StandInServer(r => r.Method == "GET" ? Fault.Html : Fault.None);
        var (core, _) = Client(server, o => o.MaxConsecutivePollFailures = 3);

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => core.GenerateAsync(Request(), null, CancellationToken.None));

        var id = Assert.Single(server.Tasks.Keys);
        Assert.Equal(id, ex.TaskId);
        Assert.Equal(3, server.PollCount);
        Assert.Contains("3 failed polls in a row", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"WaitForCompletionAsync(\"{id}\")", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_during_the_create_call_says_a_task_may_exist()
    {
        await using var server = new StandInServer { CreateDelay = TimeSpan.FromSeconds(3) };
        var (core, _) = Client(server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<SeedanceSubmitCanceledException>(() => core.SubmitAsync(Request(), cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.True(ex.RequestSent);
        Assert.Equal("seedance-2.0-text-to-video", ex.Model);
        Assert.Contains("may have created a task", ex.Message, StringComparison.Ordinal);
        await Eventually(() => server.CreateCount == 1);
    }

    [Fact]
    public async Task A_cancellation_during_the_wait_carries_the_task_id()
    {
        await using var server = new StandInServer(pollsUntilDone: int.MaxValue);
        var (core, _) = Client(server);
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress<VideoTask>(t => { if (t.Status == VideoTaskStatus.Processing) cancel.Cancel(); });

        var ex = await Assert.ThrowsAsync<SeedanceWaitCanceledException>(() => core.GenerateAsync(Request(), progress, cancel.Token));

        Assert.Equal(Assert.Single(server.Tasks.Keys), ex.TaskId);
    }

    [Fact]
    public async Task A_cancelled_task_ends_the_wait_at_once()
    {
        await using var server = new StandInServer { FinalStatus = "cancelled" };
        var (core, _) = Client(server, o => o.WaitTimeout = TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<SeedanceTaskFailedException>(() => core.GenerateAsync(Request(), null, CancellationToken.None));

        Assert.Equal("cancelled", ex.Code);
        Assert.Equal(VideoTaskStatus.Cancelled, ex.Task.Status);
        Assert.Equal(Assert.Single(server.Tasks.Keys), ex.TaskId);
        Assert.Equal(server.PollsUntilDone, server.PollCount);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task A_401_on_a_poll_carries_the_task_id_as_a_property()
    {
        await using var server = new StandInServer(r => r.Method == "GET" ? Fault.Unauthorized : Fault.None);
        var (core, _) = Client(server);

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => core.GenerateAsync(Request(), null, CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal(Assert.Single(server.Tasks.Keys), ex.TaskId);
    }

    [Fact]
    public async Task The_key_is_redacted_as_configured_and_as_sent_in_everything_the_server_echoes()
    {
        var logs = new CapturingLoggerProvider();
        var logger = logs.CreateLogger("Seedance");
        var padded = "  " + Secrets.ApiKey + "\n";
        string[] texts;

        // A 401 that echoes the key.
        await using (var server = new StandInServer(r => r.Method == "GET" ? Fault.Unauthorized : Fault.None) { Echo = Secrets.ApiKey })
        {
            var (core, _) = Client(server, o => o.ApiKey = padded, logger);
            var unauthorized = await Assert.ThrowsAsync<SeedanceApiException>(() => core.GenerateAsync(Request(), null, CancellationToken.None));
            texts = [unauthorized.ToString(), unauthorized.Message];
        }
        // A failed task whose error message echoes it.
        await using (var server = new StandInServer { FinalStatus = "failed", Echo = Secrets.ApiKey })
        {
            var (core, _) = Client(server, o => o.ApiKey = padded, logger);
            var failed = await Assert.ThrowsAsync<SeedanceTaskFailedException>(() => core.GenerateAsync(Request(), null, CancellationToken.None));
            texts = [.. texts, failed.ToString(), failed.Task.Error!.Message, failed.Task.ToString()];
        }
        // A status string the client does not know, which echoes it: the wait goes on until its timeout.
        await using (var server = new StandInServer(pollsUntilDone: int.MaxValue) { StatusOverride = "queued-" + Secrets.ApiKey })
        {
            var (core, _) = Client(server, o => { o.ApiKey = padded; o.WaitTimeout = TimeSpan.FromMilliseconds(400); }, logger);
            var timeout = await Assert.ThrowsAsync<SeedanceTaskTimeoutException>(() => core.GenerateAsync(Request(), null, CancellationToken.None));
            texts = [.. texts, timeout.ToString(), timeout.Task.RawStatus];
        }

        Assert.All(texts, t => Assert.DoesNotContain(Secrets.ApiKey, t, StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(Secrets.ApiKey, e.AllText, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_50_MB_create_answer_is_refused_and_reported_as_outcome_unknown()
    {
        await using var server = new StandInServer { CreatePadding = 50 * 1024 * 1024 };
        var (core, _) = Client(server);

        var ex = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.SubmitAsync(Request(), CancellationToken.None));

        Assert.Contains("MaxResponseBytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("task-unified-", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CreateCount);
    }

    [Fact]
    public async Task WaitTimeout_bounds_the_create_call_too()
    {
        // The server holds its answer 5 s. The WaitTimeout leaves the request time to arrive on a loaded
        // machine: one that ends before the request is sent leaves no create to count.
        await using var server = new StandInServer { CreateDelay = TimeSpan.FromSeconds(5) };
        var (core, _) = Client(server, o => o.WaitTimeout = TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.GenerateAsync(Request(), null, CancellationToken.None));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), watch.Elapsed + " " + ex);
        Assert.Contains("WaitTimeout", ex.Message, StringComparison.Ordinal);
        await Eventually(() => server.CreateCount == 1);
    }

    [Fact]
    public async Task AttemptTimeout_bounds_each_attempt_and_a_create_call_is_not_sent_again()
    {
        await using var server = new StandInServer { CreateDelay = TimeSpan.FromSeconds(5) };
        var (core, _) = Client(server, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.SubmitAsync(Request(), CancellationToken.None));

        Assert.Contains("AttemptTimeout (00:00:00.3000000)", ex.Message, StringComparison.Ordinal);
        await Eventually(() => server.CreateCount == 1);
    }

    [Fact]
    public async Task Back_off_runs_on_the_injected_clock()
    {
        var creates = 0;
        await using var server = new StandInServer(r => r.Method == "POST" && Interlocked.Increment(ref creates) <= 2 ? Fault.RateLimited : Fault.None);
        var start = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var (core, _) = Client(server, o =>
        {
            o.TimeProvider = clock;
            o.RetryDelay = TimeSpan.FromSeconds(30);
            o.MaxRetryDelay = TimeSpan.FromSeconds(120);
            o.PollInterval = TimeSpan.FromSeconds(5);
            o.MaxPollInterval = TimeSpan.FromSeconds(30);
            o.WaitTimeout = TimeSpan.FromMinutes(30);
        });
        var watch = Stopwatch.StartNew();

        var generation = core.GenerateAsync(Request(), null, CancellationToken.None);
        for (var i = 0; i < 2000 && !generation.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(5);
        }
        var done = await generation;

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(3, creates);
        Assert.Equal(1, server.CreateCount);
        // Back-offs of 30 s and 60 s, and the polls' waits, passed on the fake clock, not in real time.
        Assert.True(clock.GetUtcNow() - start >= TimeSpan.FromSeconds(90), (clock.GetUtcNow() - start).ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), watch.Elapsed.ToString());
    }
}
