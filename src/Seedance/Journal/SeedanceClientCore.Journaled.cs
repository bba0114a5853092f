using System;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Seedance;

// Keyed, journaled generation: the one path by which a submission is recorded before it is sent, and a key already
// recorded is resumed or returned instead of paid for again. Batches go through it item by item.
public sealed partial class SeedanceClientCore
{
    /// <summary>
    /// Generates <paramref name="request"/> under <paramref name="key"/>, recorded in <see cref="SeedanceClientOptions.Journal"/>:
    /// the entry is written before the create call leaves and updated as soon as each answer arrives. A key the journal
    /// already holds never sends a new create call: a completed task is returned from the journal, an acknowledged one is
    /// polled, and one whose create call may or may not have reached the API throws
    /// <see cref="SeedanceRequestOutcomeUnknownException"/> (unless <paramref name="resubmit"/> allows sending it again).
    /// </summary>
    /// <param name="key">The caller's key for this intent, such as <c>"ad-42/variant-b"</c>.</param>
    /// <param name="request">The request; the same key with a different body is refused.</param>
    /// <param name="resubmit">Which recorded outcomes may be sent again; none by default.</param>
    /// <param name="progress">Receives the task as its status or progress changes.</param>
    /// <param name="cancellationToken">
    /// Stops the call; the entry stays, and the same call later resumes it. A create attempt already on its way is not
    /// cut short: its answer is waited for (within AttemptTimeout) and recorded, so a cancelled call leaves a task ID
    /// in the journal rather than an unknown outcome.
    /// </param>
    /// <exception cref="InvalidOperationException">No journal is configured.</exception>
    /// <exception cref="SeedanceJournalConflictException">The key is recorded with a different body; nothing was sent.</exception>
    /// <exception cref="SeedanceJournalException">The journal could not be read or written; it says whether anything was sent.</exception>
    public async Task<VideoTask> GenerateAsync(string key, SeedanceRequest request, SeedanceResubmit resubmit, IProgress<VideoTask>? progress, CancellationToken cancellationToken)
    {
        var journal = RequireJournal();
        RequireKey(key, nameof(key));
        var outcome = await GenerateJournaledAsync(journal, new JournalSlot(key, null, null), Prepare(request), resubmit, progress, null, cancellationToken).ConfigureAwait(false);
        return outcome.Task;
    }

    private ISeedanceJournal RequireJournal() => _options.Journal ?? throw new InvalidOperationException(
        $"Keyed calls and batches need a journal: set {nameof(SeedanceClientOptions)}.{nameof(SeedanceClientOptions.Journal)}, for example to SeedanceJournal.OpenSqlite(\"seedance.db\") from the Seedance.Journal.Sqlite package. Nothing was sent.");

    private static void RequireKey(string key, string parameter)
    {
        if (key is null) throw new ArgumentNullException(parameter);
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("The key is empty.", parameter);
        if (key.Length > 512) throw new ArgumentException($"The key is {key.Length} characters long; at most 512 are allowed.", parameter);
        foreach (var c in key)
        {
            if (char.IsControl(c)) throw new ArgumentException("The key contains a control character.", parameter);
        }
    }

    /// <summary>Where a journaled submission goes: its key, and its batch and index when a batch writes it.</summary>
    private readonly record struct JournalSlot(string Key, string? Batch, int? Index);

    /// <summary>How a journaled generation got its task.</summary>
    internal enum JournalSource
    {
        /// <summary>A new create call was sent.</summary>
        Posted,

        /// <summary>The key was acknowledged before; its task was polled, not posted again.</summary>
        Resumed,

        /// <summary>The key had completed; the task came from the journal, with no call at all.</summary>
        Journal,
    }

    private readonly record struct JournaledOutcome(VideoTask Task, SeedanceJournalEntry Entry, JournalSource Source);

    /// <summary>What a batch decides just before a new create call would leave, and learns when none was made.</summary>
    private interface ISubmissionGate
    {
        /// <summary>Null to go ahead; otherwise why the item is not submitted (its budget, a pause).</summary>
        string? BeforeNewPost(SeedanceJournalEntry entry);

        /// <summary>The create call created no task: what <see cref="BeforeNewPost"/> reserved is given back.</summary>
        void NoTaskCreated(SeedanceJournalEntry entry);

        /// <summary>Told of each create attempt the API refused (429, 503).</summary>
        void Refused(TimeSpan? retryAfter);

        /// <summary>The API acknowledged the create call.</summary>
        void Acknowledged(VideoTask task);
    }

    /// <summary>An item held back before anything was sent (its budget); the batch reports it as not submitted.</summary>
    private sealed class NotSubmittedException(string reason) : Exception(reason);

    private async Task<JournaledOutcome> GenerateJournaledAsync(
        ISeedanceJournal journal, JournalSlot slot, PreparedCreate prepared, SeedanceResubmit resubmit,
        IProgress<VideoTask>? progress, ISubmissionGate? gate, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetString(prepared.Body);
        var hash = Convert.ToHexString(SHA256.HashData(prepared.Body)).ToLowerInvariant();
        var existing = await JournalCall(() => journal.FindAsync(slot.Key, cancellationToken), slot.Key).ConfigureAwait(false);

        for (var attempt = 0; ; attempt++)
        {
            if (existing is not null)
            {
                if (!string.Equals(existing.BodyHash, hash, StringComparison.Ordinal)) throw new SeedanceJournalConflictException(existing, hash);
                if (Resume(existing, resubmit) is { } resumed)
                {
                    SeedanceLog.JournalResumed(_logger, existing.Key, SeedanceJournalStates.ToText(existing.State), existing.TaskId);
                    return resumed == JournalSource.Journal
                        ? new JournaledOutcome(StoredTask(existing), existing, JournalSource.Journal)
                        : await WaitJournaledAsync(journal, existing, null, progress, cancellationToken, null, JournalSource.Resumed).ConfigureAwait(false);
                }
            }

            var now = _timeProvider.GetUtcNow();
            var sending = new SeedanceJournalEntry
            {
                Key = slot.Key,
                Batch = slot.Batch,
                Index = slot.Index,
                Model = prepared.Request.Model,
                Body = body,
                BodyHash = hash,
                EstimatedCost = _catalog.EstimateCost(prepared.Request),
                State = SeedanceJournalState.Sending,
                CreatedAt = existing?.CreatedAt ?? now,
                UpdatedAt = now,
            };
            if (gate?.BeforeNewPost(sending) is { } heldBack) throw new NotSubmittedException(heldBack);

            // Written, and durable, before the create call leaves: a crash from here on leaves "sending", never nothing.
            bool written;
            try
            {
                if (existing is null)
                {
                    written = await JournalCall(() => journal.TryAddAsync(sending, cancellationToken), slot.Key).ConfigureAwait(false);
                }
                else
                {
                    await JournalCall(() => journal.UpdateAsync(sending, cancellationToken), slot.Key).ConfigureAwait(false);
                    written = true;
                }
            }
            catch
            {
                gate?.NoTaskCreated(sending);
                throw;
            }
            if (!written)
            {
                // Another call recorded this key between the look-up and the write: treat it as recorded.
                gate?.NoTaskCreated(sending);
                existing = await JournalCall(() => journal.FindAsync(slot.Key, cancellationToken), slot.Key).ConfigureAwait(false);
                if (existing is null || attempt > 0) throw new SeedanceJournalException($"The journal refused key \"{slot.Key}\" as already recorded but holds no entry for it; nothing was sent.") { Key = slot.Key };
                continue;
            }

            using var deadline = Deadline();
            VideoTask task;
            try
            {
                task = await SendCreateAsync(prepared, cancellationToken, deadline, gate is null ? null : gate.Refused, shieldAttempts: true).ConfigureAwait(false);
            }
            catch (Exception ex) when (ProvesNoTask(ex))
            {
                // Nothing was created: the key is free again (or back to the failure it had), and a rerun may send it.
                gate?.NoTaskCreated(sending);
                await RecordQuietly(() => existing is null ? journal.RemoveAsync(slot.Key, CancellationToken.None) : journal.UpdateAsync(existing, CancellationToken.None), sending, "removed").ConfigureAwait(false);
                throw;
            }
            catch (Exception ex)
            {
                var unknown = sending with { State = SeedanceJournalState.OutcomeUnknown, Reason = ex.Message, UpdatedAt = _timeProvider.GetUtcNow() };
                await RecordQuietly(() => journal.UpdateAsync(unknown, CancellationToken.None), unknown, null).ConfigureAwait(false);
                throw;
            }

            gate?.Acknowledged(task);
            var acknowledged = _timeProvider.GetUtcNow();
            var created = sending with { State = SeedanceJournalState.Created, TaskId = task.Id, AcknowledgedAt = acknowledged, UpdatedAt = acknowledged };
            try
            {
                await journal.UpdateAsync(created, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The task exists and is paid for; the journal still says "sending". Say which task, so nothing is lost.
                SeedanceLog.JournalWriteFailed(_logger, slot.Key, "created", task.Id, ex.Message);
                throw new SeedanceJournalException(
                    $"The API created task {task.Id} for key \"{slot.Key}\", but the journal could not record it ({ex.Message}). The task is paid for: call WaitForCompletionAsync(\"{task.Id}\") to get its result; a rerun with this key reports it as outcome-unknown until then.", ex)
                { Key = slot.Key, NothingSent = false, TaskId = task.Id };
            }
            progress?.Report(task);
            return await WaitJournaledAsync(journal, created, task, progress, cancellationToken, deadline, JournalSource.Posted).ConfigureAwait(false);
        }
    }

    /// <summary>What a recorded key leads to without a new create call, or null when it may be sent (again).</summary>
    private static JournalSource? Resume(SeedanceJournalEntry entry, SeedanceResubmit resubmit)
    {
        switch (entry.State)
        {
            case SeedanceJournalState.Completed:
                return JournalSource.Journal;
            case SeedanceJournalState.Created:
                // It goes into a URL: an entry edited by hand (or by a broken store) must not become a request.
                if (entry.TaskId is not { } id || !VideoTaskParser.IsValidTaskId(id))
                {
                    throw new SeedanceJournalException($"The journal holds key \"{entry.Key}\" as created but with no valid task ID; nothing was sent. Fix or remove the entry.") { Key = entry.Key };
                }
                return JournalSource.Resumed;
            case SeedanceJournalState.Failed or SeedanceJournalState.Cancelled:
                if ((resubmit & SeedanceResubmit.Failed) != 0) return null;
                throw new SeedanceTaskFailedException(StoredTask(entry));
            default:
                if ((resubmit & SeedanceResubmit.OutcomeUnknown) != 0) return null;
                var since = entry.UpdatedAt.ToString("u", CultureInfo.InvariantCulture);
                var why = entry.State == SeedanceJournalState.Sending
                    ? "the process ended while its create call was in flight, before an answer was recorded"
                    : entry.Reason ?? "its create call got no usable answer";
                throw new SeedanceRequestOutcomeUnknownException(
                    $"Key \"{entry.Key}\" is {SeedanceJournalStates.ToText(entry.State)} in the journal since {since}: {why}. A task may exist and be charged, so the client does not send it again. Check the account's tasks; if none was created, call again with SeedanceResubmit.OutcomeUnknown.",
                    0)
                { TaskId = entry.TaskId };
        }
    }

    private async Task<JournaledOutcome> WaitJournaledAsync(
        ISeedanceJournal journal, SeedanceJournalEntry entry, VideoTask? submitted, IProgress<VideoTask>? progress,
        CancellationToken cancellationToken, CancellationTokenSource? deadline, JournalSource source)
    {
        VideoTask done;
        try
        {
            done = submitted is null
                ? await WaitCoreAsync(new VideoTask { Id = entry.TaskId!, Model = entry.Model, Status = VideoTaskStatus.Unknown }, progress, cancellationToken, pollFirst: true).ConfigureAwait(false)
                : await WaitCoreAsync(submitted, progress, cancellationToken, deadline: deadline).ConfigureAwait(false);
        }
        catch (SeedanceTaskFailedException ex)
        {
            var failedAt = _timeProvider.GetUtcNow();
            var failed = entry with
            {
                State = ex.Task.Status == VideoTaskStatus.Cancelled ? SeedanceJournalState.Cancelled : SeedanceJournalState.Failed,
                ErrorCode = ex.Task.Error?.Code,
                Reason = ex.Task.Error?.Message,
                FinishedAt = failedAt,
                UpdatedAt = failedAt,
            };
            await RecordQuietly(() => journal.UpdateAsync(failed, CancellationToken.None), failed, null).ConfigureAwait(false);
            throw;
        }

        var finishedAt = _timeProvider.GetUtcNow();
        var completed = entry with { State = SeedanceJournalState.Completed, ResultUrls = done.Results, FinishedAt = finishedAt, UpdatedAt = finishedAt };
        // The task is in hand; a journal that cannot say so only means a rerun polls it once more.
        await RecordQuietly(() => journal.UpdateAsync(completed, CancellationToken.None), completed, null).ConfigureAwait(false);
        return new JournaledOutcome(done, completed, source);
    }

    /// <summary>A create call's failure that proves no task exists: a refusal, a connection never made, a wait refused throughout.</summary>
    private static bool ProvesNoTask(Exception exception) => exception switch
    {
        SeedanceRequestOutcomeUnknownException => false,
        SeedanceSubmitCanceledException canceled => !canceled.RequestSent,
        SeedanceApiException => true,
        HttpRequestException => true,
        TimeoutException => true,
        _ => false,
    };

    private static VideoTask StoredTask(SeedanceJournalEntry entry) => new()
    {
        Id = entry.TaskId ?? string.Empty,
        Model = entry.Model,
        Status = entry.State switch
        {
            SeedanceJournalState.Completed => VideoTaskStatus.Completed,
            SeedanceJournalState.Cancelled => VideoTaskStatus.Cancelled,
            _ => VideoTaskStatus.Failed,
        },
        RawStatus = SeedanceJournalStates.ToText(entry.State),
        Progress = entry.State == SeedanceJournalState.Completed ? 100 : 0,
        Results = entry.ResultUrls,
        Error = entry.State is SeedanceJournalState.Failed or SeedanceJournalState.Cancelled ? new VideoTaskError(entry.ErrorCode ?? string.Empty, entry.Reason ?? string.Empty) : null,
        Created = entry.AcknowledgedAt ?? entry.CreatedAt,
    };

    /// <summary>A journal call before anything is sent: any failure of the store becomes a <see cref="SeedanceJournalException"/> that says so.</summary>
    private static async Task<T> JournalCall<T>(Func<ValueTask<T>> call, string key)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not SeedanceJournalException and not OperationCanceledException)
        {
            throw new SeedanceJournalException($"The journal failed while recording key \"{key}\" ({ex.Message}); nothing was sent.", ex) { Key = key };
        }
    }

    private static async Task JournalCall(Func<ValueTask> call, string key) =>
        await JournalCall(async () => { await call().ConfigureAwait(false); return true; }, key).ConfigureAwait(false);

    /// <summary>A journal write after the create call's answer, whose failure must not hide the answer itself.</summary>
    private async Task RecordQuietly(Func<ValueTask> write, SeedanceJournalEntry entry, string? what)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            SeedanceLog.JournalWriteFailed(_logger, entry.Key, what ?? SeedanceJournalStates.ToText(entry.State), entry.TaskId, ex.Message);
        }
    }
}
