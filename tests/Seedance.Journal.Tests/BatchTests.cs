using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;
using Xunit;

namespace Seedance.Journal.Tests;

public sealed class BatchTests
{
    [Fact]
    public async Task Never_more_items_in_flight_than_MaxConcurrency()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        var log = new BatchLog();

        var result = await core.RunBatchAsync("limits", Enumerable.Range(0, 18).Select(i => Harness.Request(i)), new SeedanceBatchOptions { MaxConcurrency = 3 }, log, CancellationToken.None);

        Assert.Equal(18, result.Completed);
        Assert.Equal(18, result.Posted);
        Assert.InRange(h.Emulator.PeakRequestsInFlight, 1, 3);
        Assert.InRange(log.Reports.Max(r => r.Running), 2, 3);
        Assert.All(h.CreatedByPrompt().Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task The_budget_holds_across_runs_and_items_left_out_say_why()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        var items = Enumerable.Range(0, 10).Select(i => Harness.Request(i)).ToArray();
        var each = SeedanceModelCatalog.Default.EstimateCost(items[0])!.Value;   // 4 s at 480p
        var log = new BatchLog();

        var first = await core.RunBatchAsync("budget", items, new SeedanceBatchOptions { MaxConcurrency = 4, Budget = 1.00m }, log, CancellationToken.None);

        var fit = (int)(1.00m / each);
        Assert.Equal(fit, first.Posted);
        Assert.Equal(fit, first.Completed);
        Assert.Equal(10 - fit, first.NotSubmitted);
        Assert.True(first.EstimatedSpend <= 1.00m, $"spent {first.EstimatedSpend}");
        Assert.All(log.Finished.Where(i => i.State == SeedanceBatchItemState.NotSubmitted), item => Assert.Contains("above the budget of $1.00", item.Reason));
        Assert.All(log.Reports, r => Assert.True(r.EstimatedSpend <= 1.00m));

        // The earlier run's spend counts: a budget of 2.00 leaves room for the same number again, not for 2.00 more.
        var second = await core.RunBatchAsync("budget", items, new SeedanceBatchOptions { MaxConcurrency = 4, Budget = 2.00m }, null, CancellationToken.None);
        Assert.Equal((int)(2.00m / each) - fit, second.Posted);
        Assert.Equal(fit, second.FromJournal);
        Assert.True(second.EstimatedSpend <= 2.00m, $"spent {second.EstimatedSpend}");
        Assert.Equal((int)(2.00m / each), h.Posts);
    }

    [Fact]
    public async Task A_rerun_of_a_finished_batch_makes_no_call_at_all()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        var items = Enumerable.Range(0, 12).Select(i => Harness.Request(i)).ToArray();
        await core.RunBatchAsync("again", items, new SeedanceBatchOptions { MaxConcurrency = 6 }, null, CancellationToken.None);
        var requests = h.Emulator.Requests.Count;

        var rerun = await core.RunBatchAsync("again", items, new SeedanceBatchOptions { MaxConcurrency = 6 }, null, CancellationToken.None);

        Assert.Equal(requests, h.Emulator.Requests.Count);
        Assert.Equal(12, rerun.FromJournal);
        Assert.Equal(0, rerun.Posted);
        Assert.True(rerun.AllCompleted);
    }

    [Fact]
    public async Task A_changed_item_under_an_existing_key_is_a_conflict_not_a_resubmit()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        var items = Enumerable.Range(0, 3).Select(i => Harness.Request(i)).ToArray();
        await core.RunBatchAsync("edit", items, null, null, CancellationToken.None);
        items[1] = items[1] with { Prompt = items[1].Prompt + " In black and white." };
        var log = new BatchLog();

        var rerun = await core.RunBatchAsync("edit", items, null, log, CancellationToken.None);

        Assert.Equal(1, rerun.Conflicts);
        Assert.Equal(2, rerun.Completed);
        Assert.Equal(3, h.Posts);
        var conflict = Assert.Single(log.Finished, i => i.State == SeedanceBatchItemState.Conflict);
        Assert.Equal("edit/1", conflict.Key);
        Assert.Contains("different request body", conflict.Reason);
    }

    [Fact]
    public async Task Refused_create_calls_pause_the_whole_batch()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimited(TimeSpan.FromSeconds(1)), count: 4);

        var result = await core.RunBatchAsync("throttled", Enumerable.Range(0, 16).Select(i => Harness.Request(i)), new SeedanceBatchOptions { MaxConcurrency = 4 }, null, CancellationToken.None);

        Assert.Equal(16, result.Completed);
        Assert.Equal(4, result.Refusals);
        var creates = h.Emulator.Requests.Where(r => r.Route == SeedanceEmulatorRoute.CreateTask).ToArray();
        var lastRefusal = creates.Last(r => r.StatusCode == 429).ReceivedAt;
        // After the last 429 (Retry-After: 1 s) no create call leaves for most of a second: not the refused ones, not new ones.
        Assert.DoesNotContain(creates, r => r.ReceivedAt > lastRefusal.AddMilliseconds(100) && r.ReceivedAt < lastRefusal.AddMilliseconds(900));
        Assert.All(h.CreatedByPrompt().Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Downloads_are_named_from_keys_and_resumed_by_size()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        var folder = Path.Combine(h.Folder, "videos");
        var items = Enumerable.Range(0, 4).Select(i => Harness.Request(i)).ToArray();
        var options = new SeedanceBatchOptions { MaxConcurrency = 4, DownloadFolder = folder };

        await core.RunBatchAsync("spring-campaign", items, options, null, CancellationToken.None);
        var files = Enumerable.Range(0, 4).Select(i => Path.Combine(folder, $"spring-campaign-{i}.mp4")).ToArray();
        Assert.All(files, f => Assert.Equal(SeedanceEmulator.ResultFileContent.ToArray(), File.ReadAllBytes(f)));
        int FileGets() => h.Emulator.Requests.Count(r => r.Route == SeedanceEmulatorRoute.ResultFile);
        Assert.Equal(4, FileGets());

        await core.RunBatchAsync("spring-campaign", items, options, null, CancellationToken.None);
        Assert.Equal(4, FileGets());

        File.Delete(files[1]);
        File.WriteAllBytes(files[2], new byte[3]);   // cut short
        var log = new BatchLog();
        var third = await core.RunBatchAsync("spring-campaign", items, options, log, CancellationToken.None);
        Assert.Equal(6, FileGets());
        Assert.Equal(0, third.DownloadsFailed);
        Assert.All(files, f => Assert.Equal(SeedanceEmulator.ResultFileContent.Length, new FileInfo(f).Length));
        Assert.Equal(files, log.Finished.Select(i => i.DownloadPath));
        var entry = await journal.FindAsync("spring-campaign/2", CancellationToken.None);
        Assert.Equal(files[2], entry!.DownloadPath);
        Assert.Equal(SeedanceEmulator.ResultFileContent.Length, entry.DownloadSize);
    }

    [Fact]
    public async Task A_cancelled_batch_resumes_without_posting_what_was_acknowledged()
    {
        await using var h = await Harness.StartAsync(new SeedanceEmulatorOptions { ProcessingDuration = TimeSpan.FromSeconds(2) });
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        var items = Enumerable.Range(0, 8).Select(i => Harness.Request(i)).ToArray();
        using var cancel = new CancellationTokenSource();
        var acknowledged = 0;
        var log = new BatchLog(p =>
        {
            if (p.Item?.TaskId is not null && Interlocked.Increment(ref acknowledged) == 4) cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => core.RunBatchAsync("stopped", items, new SeedanceBatchOptions { MaxConcurrency = 8 }, log, cancel.Token));
        var postsBefore = h.Posts;
        var states = await journal.ListAsync("stopped", CancellationToken.None).ToListAsync();
        Assert.All(states, e => Assert.Equal(SeedanceJournalState.Created, e.State));

        var rerun = await core.RunBatchAsync("stopped", items, new SeedanceBatchOptions { MaxConcurrency = 8 }, null, CancellationToken.None);
        Assert.True(rerun.AllCompleted);
        Assert.Equal(states.Count, rerun.Resumed);
        Assert.Equal(8 - states.Count, rerun.Posted);
        Assert.Equal(8, h.Posts);
        Assert.Equal(states.Count, postsBefore);
        Assert.All(h.CreatedByPrompt().Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Invalid_items_are_not_submitted_and_say_which_rule()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        var log = new BatchLog();
        var items = new[] { Harness.Request(0), Harness.Request(1, quality: "1080p"), null! };

        var result = await core.RunBatchAsync("mixed", items, null, log, CancellationToken.None);

        Assert.Equal(1, result.Completed);
        Assert.Equal(2, result.NotSubmitted);
        Assert.Contains("SEED0002", log.Finished[1].Reason);
        Assert.Equal("The item is null.", log.Finished[2].Reason);
        Assert.Equal(1, h.Posts);
    }
}
