using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;
using Xunit;

namespace Seedance.Journal.Tests;

public sealed class KeyedGenerationTests
{
    [Fact]
    public async Task A_completed_key_is_returned_from_the_journal_without_any_call()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);

        var first = await core.GenerateAsync("ad-42/variant-b", Harness.Request(1), SeedanceResubmit.None, null, CancellationToken.None);
        var requestsAfterFirst = h.Emulator.Requests.Count;
        var again = await core.GenerateAsync("ad-42/variant-b", Harness.Request(1), SeedanceResubmit.None, null, CancellationToken.None);

        Assert.Equal(1, h.Posts);
        Assert.Equal(requestsAfterFirst, h.Emulator.Requests.Count);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(VideoTaskStatus.Completed, again.Status);
        Assert.Equal(first.Results, again.Results);
        var entry = await journal.FindAsync("ad-42/variant-b", CancellationToken.None);
        Assert.Equal(SeedanceJournalState.Completed, entry!.State);
        Assert.NotNull(entry.AcknowledgedAt);
        Assert.NotNull(entry.FinishedAt);
        Assert.Equal(Harness.Request(1).ToJson(), entry.Body);
        Assert.Equal(SeedanceModelCatalog.Default.EstimateCost(Harness.Request(1)), entry.EstimatedCost);
    }

    [Fact]
    public async Task An_acknowledged_key_is_polled_not_posted_again()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        // What a process killed after the acknowledgement leaves behind: the entry says created.
        var submitted = await core.SubmitAsync(Harness.Request(2), CancellationToken.None);
        await journal.TryAddAsync(Entry("k", Harness.Request(2), SeedanceJournalState.Created, submitted.Id), CancellationToken.None);

        var done = await core.GenerateAsync("k", Harness.Request(2), SeedanceResubmit.None, null, CancellationToken.None);

        Assert.Equal(1, h.Posts);
        Assert.Equal(submitted.Id, done.Id);
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(SeedanceJournalState.Completed, (await journal.FindAsync("k", CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData(SeedanceJournalState.Sending)]
    [InlineData(SeedanceJournalState.OutcomeUnknown)]
    public async Task A_key_whose_create_call_may_have_landed_is_not_sent_again_without_opting_in(SeedanceJournalState state)
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        await journal.TryAddAsync(Entry("k", Harness.Request(3), state, null) with { Reason = state == SeedanceJournalState.OutcomeUnknown ? "got no answer within the AttemptTimeout" : null }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.GenerateAsync("k", Harness.Request(3), SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Equal(0, h.Posts);
        Assert.Contains("\"k\"", error.Message);
        Assert.Contains(state == SeedanceJournalState.Sending ? "process ended while its create call was in flight" : "AttemptTimeout", error.Message);
        Assert.Contains("SeedanceResubmit.OutcomeUnknown", error.Message);

        var resent = await core.GenerateAsync("k", Harness.Request(3), SeedanceResubmit.OutcomeUnknown, null, CancellationToken.None);
        Assert.Equal(1, h.Posts);
        Assert.Equal(VideoTaskStatus.Completed, resent.Status);
    }

    [Fact]
    public async Task A_changed_body_under_a_known_key_is_an_error_and_sends_nothing()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        await core.GenerateAsync("k", Harness.Request(4), SeedanceResubmit.None, null, CancellationToken.None);

        var changed = Harness.Request(4) with { Duration = 6 };
        var error = await Assert.ThrowsAsync<SeedanceJournalConflictException>(() => core.GenerateAsync("k", changed, SeedanceResubmit.OutcomeUnknown | SeedanceResubmit.Failed, null, CancellationToken.None));
        Assert.Equal(1, h.Posts);
        Assert.Equal("k", error.Key);
        Assert.Contains("different request body", error.Message);
        Assert.Equal(SeedanceJournalState.Completed, (await journal.FindAsync("k", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_refused_create_call_frees_the_key_and_an_unknown_outcome_is_recorded_with_its_reason()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal, o => o.MaxRetries = 0);

        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.HttpError(402, "Insufficient credits.", errorType: "insufficient_quota_error"));
        await Assert.ThrowsAsync<SeedanceApiException>(() => core.GenerateAsync("refused", Harness.Request(5), SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Null(await journal.FindAsync("refused", CancellationToken.None));

        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.ServerErrorAfterReceipt());
        var unknown = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.GenerateAsync("unknown", Harness.Request(6), SeedanceResubmit.None, null, CancellationToken.None));
        var entry = await journal.FindAsync("unknown", CancellationToken.None);
        Assert.Equal(SeedanceJournalState.OutcomeUnknown, entry!.State);
        Assert.Equal(unknown.Message, entry.Reason);

        // The refused one may be sent again (no task existed); the unknown one may not.
        await core.GenerateAsync("refused", Harness.Request(5), SeedanceResubmit.None, null, CancellationToken.None);
        await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => core.GenerateAsync("unknown", Harness.Request(6), SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Equal(3, h.Posts);
    }

    [Fact]
    public async Task A_failed_task_is_recorded_and_reported_again_without_a_call_unless_resubmitting_failures()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.FailTask("content_policy_violation", "The prompt was refused by the content policy."));

        var failed = await Assert.ThrowsAsync<SeedanceTaskFailedException>(() => core.GenerateAsync("k", Harness.Request(7), SeedanceResubmit.None, null, CancellationToken.None));
        var entry = await journal.FindAsync("k", CancellationToken.None);
        Assert.Equal(SeedanceJournalState.Failed, entry!.State);
        Assert.Equal("content_policy_violation", entry.ErrorCode);

        var requests = h.Emulator.Requests.Count;
        var stored = await Assert.ThrowsAsync<SeedanceTaskFailedException>(() => core.GenerateAsync("k", Harness.Request(7), SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Equal(requests, h.Emulator.Requests.Count);
        Assert.Equal(failed.TaskId, stored.TaskId);
        Assert.Equal("content_policy_violation", stored.Code);

        var again = await core.GenerateAsync("k", Harness.Request(7), SeedanceResubmit.Failed, null, CancellationToken.None);
        Assert.Equal(2, h.Posts);
        Assert.NotEqual(failed.TaskId, again.Id);
    }

    [Fact]
    public async Task Without_a_journal_a_keyed_call_says_how_to_configure_one_and_sends_nothing()
    {
        await using var h = await Harness.StartAsync();
        var core = new SeedanceClientCore(h.Http, h.Emulator.CreateClientOptions(), SeedanceModelCatalog.Default, null);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => core.GenerateAsync("k", Harness.Request(8), SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Contains("SeedanceJournal.OpenSqlite", error.Message);
        Assert.Equal(0, h.Posts);
    }

    [Fact]
    public async Task The_generated_client_runs_keyed_calls_and_typed_batches()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var client = new JournalTestClient(h.Http, h.Options(journal));
        var requests = Enumerable.Range(0, 3).Select(i => new TextToVideoRequest { Prompt = $"Shot {i}: a lighthouse at dusk, slow push-in.", Duration = 4, Quality = "480p" }).ToList();

        var result = await client.RunBatchAsync("typed", requests);
        var single = await client.GenerateAsync("one", requests[0].ToSeedanceRequest());

        Assert.Equal(3, result.Completed);
        Assert.True(result.AllCompleted);
        Assert.Equal(VideoTaskStatus.Completed, single.Status);
        Assert.Equal(4, h.Posts);
    }

    [Fact]
    public async Task AddSeedanceClient_takes_the_journal_like_any_other_option()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSeedanceClient<JournalTestClient>(o =>
        {
            o.ApiKey = SeedanceEmulatorOptions.DefaultApiKey;
            o.BaseAddress = h.Emulator.BaseAddress;
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.Journal = journal;
        });
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JournalTestClient>(provider);

        var first = await client.GenerateAsync("di", Harness.Request(9));
        var again = await client.GenerateAsync("di", Harness.Request(9));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, h.Posts);
    }

    [Fact]
    public async Task A_created_entry_without_a_valid_task_id_is_refused_not_turned_into_a_request()
    {
        await using var h = await Harness.StartAsync();
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(journal);
        await journal.TryAddAsync(Entry("k", Harness.Request(1), SeedanceJournalState.Created, "../../v1/credits?x="), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => core.GenerateAsync("k", Harness.Request(1), SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Contains("no valid task ID", error.Message);
        Assert.Empty(h.Emulator.Requests);
    }

    internal static SeedanceJournalEntry Entry(string key, SeedanceRequest request, SeedanceJournalState state, string? taskId)
    {
        var body = request.ToJson();
        return new SeedanceJournalEntry
        {
            Key = key,
            Model = request.Model,
            Body = body,
            BodyHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))).ToLowerInvariant(),
            State = state,
            TaskId = taskId,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
    }
}
