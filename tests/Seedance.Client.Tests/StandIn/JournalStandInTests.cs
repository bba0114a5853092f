using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Seedance.Client.Tests.StandIn;

/// <summary>
/// Journaled calls and batches against the tests' own server (the provider's documented answers), with a journal of
/// the tests' own: what the journal records, and when, does not depend on the emulator or on the SQLite store.
/// </summary>
public sealed class JournalStandInTests
{
    [Fact]
    public async Task Sending_is_recorded_before_the_POST_and_the_documented_answers_after()
    {
        await using var server = new StandInServer();
        var journal = new MemoryJournal { BeforeAdd = () => Assert.Equal(0, server.CreateCount) };
        var (core, _) = StandInTests.Client(server, o => o.Journal = journal);
        var request = StandInTests.Request();

        var done = await core.GenerateAsync("key-1", request, SeedanceResubmit.None, null, CancellationToken.None);

        Assert.Equal(1, journal.Adds);
        var entry = journal.Entries["key-1"];
        Assert.Equal(SeedanceJournalState.Completed, entry.State);
        Assert.Equal(done.Id, entry.TaskId);
        Assert.Equal(done.Results, entry.ResultUrls);
        Assert.True(server.Tasks.ContainsKey(done.Id));
        Assert.Equal(request.ToJson(), entry.Body);

        var polls = server.PollCount;
        var again = await core.GenerateAsync("key-1", request, SeedanceResubmit.None, null, CancellationToken.None);
        Assert.Equal(done.Id, again.Id);
        Assert.Equal(1, server.CreateCount);
        Assert.Equal(polls, server.PollCount);
    }

    [Fact]
    public async Task A_500_after_the_server_recorded_the_task_is_kept_as_outcome_unknown_and_never_resent()
    {
        await using var server = new StandInServer(r => r.Method == "POST" ? Fault.ServerErrorAfterRecording : Fault.None);
        var journal = new MemoryJournal();
        var (core, _) = StandInTests.Client(server, o => o.Journal = journal);
        var request = StandInTests.Request();

        var first = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.GenerateAsync("k", request, SeedanceResubmit.None, null, CancellationToken.None));
        await StandInTests.Eventually(() => server.CreateCount == 1);
        Assert.Equal(SeedanceJournalState.OutcomeUnknown, journal.Entries["k"].State);
        Assert.Equal(first.Message, journal.Entries["k"].Reason);

        var second = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.GenerateAsync("k", request, SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Contains(first.Message, second.Message);
        Assert.Equal(1, server.CreateCount);
        Assert.Equal(1, server.CreatesByPrompt[request.Prompt]);
    }

    [Fact]
    public async Task A_documented_failure_is_recorded_and_returned_again_without_a_call()
    {
        await using var server = new StandInServer { FinalStatus = "failed" };
        var journal = new MemoryJournal();
        var (core, _) = StandInTests.Client(server, o => o.Journal = journal);
        var request = StandInTests.Request();

        var failed = await Assert.ThrowsAsync<SeedanceTaskFailedException>(() => core.GenerateAsync("k", request, SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Equal("content_policy_violation", failed.Code);
        Assert.Equal(SeedanceJournalState.Failed, journal.Entries["k"].State);
        Assert.Equal("content_policy_violation", journal.Entries["k"].ErrorCode);

        var (creates, polls) = (server.CreateCount, server.PollCount);
        var stored = await Assert.ThrowsAsync<SeedanceTaskFailedException>(() => core.GenerateAsync("k", request, SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Equal(failed.TaskId, stored.TaskId);
        Assert.Equal("content_policy_violation", stored.Code);
        Assert.Equal((creates, polls), (server.CreateCount, server.PollCount));
    }

    [Fact]
    public async Task A_batch_backs_off_on_documented_429s_and_creates_each_item_once()
    {
        var refused = 0;
        await using var server = new StandInServer(r => r.Method == "POST" && Interlocked.Increment(ref refused) <= 3 ? Fault.RateLimitedWithRetryAfter : Fault.None);
        var journal = new MemoryJournal();
        var (core, _) = StandInTests.Client(server, o => o.Journal = journal);
        var requests = Enumerable.Range(0, 6).Select(_ => StandInTests.Request()).ToArray();

        var result = await core.RunBatchAsync("throttled", requests, new SeedanceBatchOptions { MaxConcurrency = 3 }, null, CancellationToken.None);

        Assert.Equal(6, result.Completed);
        Assert.Equal(3, result.Refusals);
        Assert.Equal(6, result.Posted);
        Assert.All(requests, r => Assert.Equal(1, server.CreatesByPrompt[r.Prompt]));
        Assert.Equal(6, journal.Entries.Count);
        Assert.All(journal.Entries.Values, e => Assert.Equal(SeedanceJournalState.Completed, e.State));
    }

    /// <summary>A journal in memory, with a hook on the write that must come before the create call.</summary>
    private sealed class MemoryJournal : ISeedanceJournal
    {
        public ConcurrentDictionary<string, SeedanceJournalEntry> Entries { get; } = new(StringComparer.Ordinal);

        public Action? BeforeAdd { get; init; }

        public int Adds;

        public ValueTask<SeedanceJournalEntry?> FindAsync(string key, CancellationToken cancellationToken) =>
            new(Entries.TryGetValue(key, out var entry) ? entry : null);

        public ValueTask<bool> TryAddAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken)
        {
            BeforeAdd?.Invoke();
            Interlocked.Increment(ref Adds);
            return new(Entries.TryAdd(entry.Key, entry));
        }

        public ValueTask UpdateAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken)
        {
            if (!Entries.ContainsKey(entry.Key)) throw new SeedanceJournalException($"No entry for {entry.Key}.");
            Entries[entry.Key] = entry;
            return default;
        }

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
        {
            Entries.TryRemove(key, out _);
            return default;
        }

        public async IAsyncEnumerable<SeedanceJournalEntry> ListAsync(string? batch, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var entry in Entries.Values.Where(e => batch is null || e.Batch == batch).OrderBy(e => e.Index)) yield return entry;
        }
    }
}
