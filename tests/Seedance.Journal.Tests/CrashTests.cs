using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Seedance.Journal.CrashChild;
using Seedance.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Seedance.Journal.Tests;

/// <summary>
/// A child process runs a 50-item batch against the emulator (which lives here, and so outlives it), is killed with
/// SIGKILL at a random moment, and is run again with the same batch; twenty times. SEEDANCE_CRASH_SEED replays a run.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Runs = 20;
    private const int Items = 50;
    private const string Concurrency = "8";

    [Fact]
    public async Task Killed_at_random_moments_and_rerun_no_item_is_created_twice_and_every_item_ends_known()
    {
        var seed = Environment.GetEnvironmentVariable("SEEDANCE_CRASH_SEED") is { Length: > 0 } given ? int.Parse(given, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (SEEDANCE_CRASH_SEED={seed} replays the kill moments)");
        var random = new Random(seed);
        await using var h = await Harness.StartAsync(new SeedanceEmulatorOptions { PendingDuration = TimeSpan.FromMilliseconds(30), ProcessingDuration = TimeSpan.FromMilliseconds(150) });

        // One uninterrupted run tells how long a run takes here, so that the kills land across the whole of one.
        var calibration = await RunToEndAsync(h, Path.Combine(h.Folder, "calibration.db"), "calibration");
        var full = calibration.Elapsed;
        output.WriteLine($"an uninterrupted run: {full.TotalMilliseconds:0} ms (process start included)");

        var killed = 0;
        var statesAfterKills = new Dictionary<string, int>();
        int completed = 0, unknown = 0, posted = 0, resumed = 0, fromJournal = 0;
        var unknownWithTask = 0;
        for (var run = 0; run < Runs; run++)
        {
            var journal = Path.Combine(h.Folder, $"crash-{run}.db");
            var batch = $"crash-{run}";
            var delay = TimeSpan.FromMilliseconds(full.TotalMilliseconds * (0.02 + 0.48 * random.NextDouble()));
            using (var child = CrashChild.Start(h.Emulator.BaseAddress.AbsoluteUri, journal, batch, Items.ToString(CultureInfo.InvariantCulture), Concurrency))
            {
                var drained = child.StandardOutput.ReadToEndAsync();
                var errors = child.StandardError.ReadToEndAsync();
                await Task.WhenAny(child.WaitForExitAsync(), Task.Delay(delay));
                if (!child.HasExited)
                {
                    child.Kill();   // SIGKILL: no finally block, no flush, no dispose runs in the child
                    killed++;
                }
                await child.WaitForExitAsync();
                await drained;
                await errors;
            }

            // The file the killed process left: sound, and what it says.
            if (File.Exists(journal))
            {
                await using var check = SeedanceJournal.OpenSqlite(journal);
                Assert.Equal("ok", await check.CheckIntegrityAsync());
                await foreach (var entry in check.ListAsync(batch, default))
                {
                    var state = SeedanceJournalStates.ToText(entry.State);
                    statesAfterKills[state] = statesAfterKills.GetValueOrDefault(state) + 1;
                }
            }

            var rerun = await RunToEndAsync(h, journal, batch);
            Assert.Equal(Items, rerun.Items.Count);
            foreach (var item in rerun.Items)
            {
                Assert.True(item.State is "Completed" or "OutcomeUnknown", $"{batch}/{item.Index} ended {item.State}: {item.Reason}");
                if (item.State == "OutcomeUnknown")
                {
                    Assert.False(string.IsNullOrWhiteSpace(item.Reason), $"{batch}/{item.Index} is unknown without a reason");
                    unknown++;
                    if (h.CreatedByPrompt().ContainsKey(Prompt(batch, item.Index))) unknownWithTask++;
                }
                else completed++;
            }
            posted += rerun.Result.Posted;
            resumed += rerun.Result.Resumed;
            fromJournal += rerun.Result.FromJournal;
        }

        var created = h.CreatedByPrompt();
        var twice = created.Where(c => c.Value > 1).Select(c => $"{c.Key} ×{c.Value}").ToArray();
        Assert.True(twice.Length == 0, "created more than once: " + string.Join("; ", twice));
        Assert.InRange(h.Emulator.PeakRequestsInFlight, 1, int.Parse(Concurrency, CultureInfo.InvariantCulture));
        Assert.True(killed >= Runs / 2, $"only {killed} of {Runs} runs were killed before they ended");

        output.WriteLine($"{Runs} runs of {Items} items, {killed} killed mid-run; integrity_check ok after every kill");
        output.WriteLine($"entries the killed runs left: {string.Join(", ", statesAfterKills.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}");
        output.WriteLine($"after the reruns: {completed} completed, {unknown} outcome-unknown ({unknownWithTask} of them had reached the emulator), of {Runs * Items}");
        output.WriteLine($"reruns: {posted} posted new, {resumed} resumed by polling, {fromJournal} returned from the journal");
        output.WriteLine($"emulator: {created.Count} tasks created for {created.Count} prompts, none twice; {h.Posts} create calls in all; at most {h.Emulator.PeakRequestsInFlight} requests in flight (MaxConcurrency {Concurrency})");
    }

    private static string Prompt(string batch, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"Batch {batch}, item {index}: a paper boat drifts down a rain gutter, close-up, soft morning light.");

    private static async Task<ChildRun> RunToEndAsync(Harness h, string journal, string batch)
    {
        var watch = Stopwatch.StartNew();
        using var child = CrashChild.Start(h.Emulator.BaseAddress.AbsoluteUri, journal, batch, Items.ToString(CultureInfo.InvariantCulture), Concurrency);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(child.ExitCode == 0, $"the rerun of {batch} exited {child.ExitCode}: {await stderr}");
        var items = lines[..^1].Select(l => JsonSerializer.Deserialize<ItemLine>(l)!).ToList();
        var result = JsonSerializer.Deserialize<ResultLine>(lines[^1])!;
        return new ChildRun(items, result, watch.Elapsed);
    }

    private sealed record ChildRun(List<ItemLine> Items, ResultLine Result, TimeSpan Elapsed);
}
