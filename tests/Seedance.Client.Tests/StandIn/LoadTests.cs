using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Seedance.Client.Tests.StandIn;

/// <summary>
/// 1,000 concurrent generations against the stand-in server under a fault mix: no request is created twice, and
/// every task the API acknowledged reaches its caller, completed or surfaced with its TaskId.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Generations = 1000;

    [Fact]
    public async Task A_thousand_generations_under_faults_never_pay_twice_and_lose_nothing_acknowledged()
    {
        var posts = 0;
        // The same mix on every run: a fault is a function of the request's prompt or path and a per-request count.
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Fault Decide(StandInServer.Request r)
        {
            var isPost = r.Method == "POST";
            if (isPost) Interlocked.Increment(ref posts);
            var key = isPost ? r.Body : r.Path;
            var n = seen.AddOrUpdate(key, 1, (_, c) => c + 1);
            var roll = (uint)HashCode.Combine(key.GetHashCode(StringComparison.Ordinal) ^ 0x5eed, n) % 1000;
            if (roll < 150) return Fault.RateLimited;                 // 15 %
            if (roll < 300) return Fault.RateLimitedWithRetryAfter;   // 15 %
            if (roll < 350) return Fault.Unavailable;                 //  5 %
            if (isPost) return roll < 370 ? Fault.ServerErrorAfterRecording : Fault.None; // 2 %
            if (roll < 360) return Fault.Html;                        //  1 %
            if (roll < 380) return Fault.Drop;                        //  2 %
            return Fault.None;
        }

        await using var server = new StandInServer(Decide, pollsUntilDone: 3);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        var (core, _) = StandInTests.Client(server, o =>
        {
            o.MaxRetries = 6;
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            o.MaxPollInterval = TimeSpan.FromMilliseconds(200);
            o.RetryDelay = TimeSpan.FromMilliseconds(50);
            o.TransientRetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            o.WaitTimeout = TimeSpan.FromMinutes(2);
        }, http: new HttpClient(handler, disposeHandler: false));

        var prompts = Enumerable.Range(0, Generations).Select(i => $"Load test shot {i}: a lighthouse at dusk, slow dolly-in.").ToArray();
        var outcomes = new object?[Generations];
        var process = Process.GetCurrentProcess();
        var peakThreads = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakThreads = Math.Max(peakThreads, process.Threads.Count);
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Generations).Select(async i =>
        {
            try
            {
                outcomes[i] = await core.GenerateAsync(new SeedanceRequest("seedance-2.0-text-to-video", prompts[i]), null, CancellationToken.None);
            }
            catch (Exception ex)
            {
                outcomes[i] = ex;
            }
        }));
        watch.Stop();
        sampling.Cancel();
        await sampler;
        process.Refresh();

        // Never paid twice: no prompt created more than one task.
        var twice = server.CreatesByPrompt.Where(p => p.Value > 1).Select(p => p.Key).ToArray();
        Assert.True(twice.Length == 0, $"{twice.Length} prompts created twice, e.g. {twice.FirstOrDefault()}");

        // Nothing acknowledged is lost: its caller has the completed task, or an exception that names it.
        var byPrompt = prompts.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var lost = server.Tasks.Values.Where(t => t.Acknowledged).Where(t => outcomes[byPrompt[t.Prompt]] switch
        {
            VideoTask done => done.Id != t.Id,
            SeedanceApiException api => api.TaskId != t.Id,
            SeedanceTaskFailedException failed => failed.TaskId != t.Id,
            SeedanceTaskTimeoutException timeout => timeout.TaskId != t.Id,
            _ => true,
        }).Select(t => t.Id + ": " + outcomes[byPrompt[t.Prompt]]).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} acknowledged tasks lost:{Environment.NewLine}{string.Join(Environment.NewLine, lost.Take(5))}");

        var successes = outcomes.Count(o => o is VideoTask);
        output.WriteLine($"{Generations} generations in {watch.Elapsed.TotalSeconds:0.0} s: {successes} completed");
        foreach (var group in outcomes.OfType<Exception>().GroupBy(e => e.GetType().Name + (e is SeedanceApiException api ? $" ({api.StatusCode}{(api.TaskId is null ? "" : ", with TaskId")})" : "")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }
        output.WriteLine($"POSTs per generation: {(double)posts / Generations:0.00} ({posts} POSTs, {server.CreateCount} tasks recorded, {server.Tasks.Values.Count(t => t.Acknowledged)} acknowledged); polls: {server.PollCount}");
        output.WriteLine($"peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB, peak threads {peakThreads}");
        // Every outcome is a completed task or one of the exceptions the client documents.
        Assert.All(outcomes, o => Assert.True(o is VideoTask or SeedanceApiException or SeedanceTaskFailedException or SeedanceTaskTimeoutException, o?.ToString()));
        Assert.True(successes > Generations * 0.9, $"only {successes} completed");
    }
}
