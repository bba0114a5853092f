using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Seedance;

// Batches: many keyed generations under one name, with bounded concurrency, a budget, a batch-wide back-off and
// optional downloads. Nothing is kept per item beyond its journal entry, so a batch of any size runs in flat memory.
public sealed partial class SeedanceClientCore
{
    /// <summary>
    /// Runs <paramref name="requests"/> as the batch <paramref name="name"/>: item <c>i</c> is keyed <c>{name}/{i}</c> in
    /// the journal, so calling this again with the same name and requests (after a crash, say) resumes the batch: what
    /// was acknowledged is polled, what completed is returned from the journal, and nothing is paid for twice.
    /// </summary>
    /// <param name="name">The batch's name; keep it for reruns, change it for a new batch.</param>
    /// <param name="requests">The items, read lazily and once, in order.</param>
    /// <param name="options">Concurrency, budget, downloads and resubmission; null for the defaults.</param>
    /// <param name="progress">Receives the batch's counts each time an item starts, changes or ends.</param>
    /// <param name="cancellationToken">Stops the batch: no new item starts, waits end, and every entry stays for a rerun.</param>
    /// <returns>The counts; each item's outcome was reported through <paramref name="progress"/> and stays in the journal.</returns>
    /// <exception cref="InvalidOperationException">No journal is configured.</exception>
    /// <exception cref="SeedanceJournalException">The journal failed; the batch stopped, and the exception says whether a task went unrecorded.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled; a rerun resumes it.</exception>
    public async Task<SeedanceBatchResult> RunBatchAsync(
        string name, IEnumerable<SeedanceRequest> requests, SeedanceBatchOptions? options,
        IProgress<SeedanceBatchProgress>? progress, CancellationToken cancellationToken)
    {
        var journal = RequireJournal();
        RequireKey(name, nameof(name));
        if (requests is null) throw new ArgumentNullException(nameof(requests));
        options ??= new SeedanceBatchOptions();
        options.Validate();

        var run = new BatchRun(this, journal, name, options, progress, requests.TryGetNonEnumeratedCount(out var count) ? count : null);
        await run.CountEarlierSpendAsync(cancellationToken).ConfigureAwait(false);
        return await run.RunAsync(requests, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The state of one batch run; every count lives here, never a per-item collection.</summary>
    private sealed class BatchRun : ISubmissionGate
    {
        private readonly SeedanceClientCore _core;
        private readonly ISeedanceJournal _journal;
        private readonly string _name;
        private readonly SeedanceBatchOptions _options;
        private readonly IProgress<SeedanceBatchProgress>? _progress;
        private readonly int? _total;
        private readonly BatchThrottle _throttle;
        private readonly object _gate = new();
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly CancellationTokenSource _stop = new();
        private decimal _spend;
        private int _seen, _running, _completed, _failed, _unknown, _notSubmitted, _incomplete, _conflicts, _downloadsFailed;
        private int _posted, _resumed, _fromJournal, _refusals;
        private Exception? _fatal;

        public BatchRun(SeedanceClientCore core, ISeedanceJournal journal, string name, SeedanceBatchOptions options, IProgress<SeedanceBatchProgress>? progress, int? total)
        {
            _core = core;
            _journal = journal;
            _name = name;
            _options = options;
            _progress = progress;
            _total = total;
            _throttle = new BatchThrottle(options.MaxConcurrency, core._options, core._timeProvider);
        }

        /// <summary>What earlier runs of this batch submitted counts as spent (and against the budget) before anything new is sent.</summary>
        public async Task CountEarlierSpendAsync(CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var entry in _journal.ListAsync(_name, cancellationToken).ConfigureAwait(false)) _spend += entry.EstimatedCost ?? 0m;
            }
            catch (Exception ex) when (ex is not SeedanceJournalException and not OperationCanceledException)
            {
                throw new SeedanceJournalException($"The journal could not list batch \"{_name}\" ({ex.Message}); nothing was sent.", ex);
            }
        }

        public async Task<SeedanceBatchResult> RunAsync(IEnumerable<SeedanceRequest> requests, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            var token = linked.Token;
            var index = -1;
            try
            {
                foreach (var request in requests)
                {
                    index++;
                    await _throttle.EnterAsync(token).ConfigureAwait(false);
                    lock (_gate)
                    {
                        _seen++;
                        _running++;
                    }
                    // Each item runs on its own; the throttle's count is what bounds them, not a list of tasks.
                    _ = RunItemAsync(index, request, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Cancelled, or stopped by a journal failure: no new item starts; those running end below.
            }
            catch (Exception ex)
            {
                // The sequence itself failed: the items already running still end, and are recorded, first.
                lock (_gate) _fatal ??= ex;
            }
            await _throttle.DrainAsync().ConfigureAwait(false);

            if (_fatal is not null) throw _fatal;
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                return new SeedanceBatchResult
                {
                    Batch = _name,
                    Items = _seen,
                    Completed = _completed,
                    Failed = _failed,
                    Unknown = _unknown,
                    NotSubmitted = _notSubmitted,
                    Incomplete = _incomplete,
                    Conflicts = _conflicts,
                    DownloadsFailed = _downloadsFailed,
                    Posted = _posted,
                    Resumed = _resumed,
                    FromJournal = _fromJournal,
                    Refusals = _refusals,
                    EstimatedSpend = _spend,
                    Elapsed = _watch.Elapsed,
                };
            }
        }

        private async Task RunItemAsync(int index, SeedanceRequest request, CancellationToken cancellationToken)
        {
            var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_name}/{index}");
            var item = new SeedanceBatchItem(index, key, SeedanceBatchItemState.Running, SeedanceBatchItemSource.None, null, 0, null, null, null);
            try
            {
                await Task.Yield();
                Report(item);
                item = await ProcessAsync(item, request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                item = Classify(item, ex, cancellationToken);
            }
            finally
            {
                lock (_gate)
                {
                    _running--;
                    Count(item);
                }
                Report(item);
                _throttle.Exit();
            }
        }

        private async Task<SeedanceBatchItem> ProcessAsync(SeedanceBatchItem item, SeedanceRequest request, CancellationToken cancellationToken)
        {
            if (request is null) return item with { State = SeedanceBatchItemState.NotSubmitted, Reason = "The item is null." };
            PreparedCreate prepared;
            try
            {
                prepared = _core.Prepare(request);
            }
            catch (SeedanceValidationException ex)
            {
                return item with { State = SeedanceBatchItemState.NotSubmitted, Reason = ex.Message };
            }
            item = item with { EstimatedCost = _core._catalog.EstimateCost(request) };

            var current = item;
            var taskProgress = new ItemProgress(this, () => current, value => current = value);
            var outcome = await _core.GenerateJournaledAsync(_journal, new JournalSlot(item.Key, _name, item.Index), prepared, _options.Resubmit, taskProgress, this, cancellationToken).ConfigureAwait(false);
            item = current with
            {
                State = SeedanceBatchItemState.Completed,
                TaskId = outcome.Task.Id,
                Progress = 100,
                Source = outcome.Source switch
                {
                    JournalSource.Posted => SeedanceBatchItemSource.Posted,
                    JournalSource.Resumed => SeedanceBatchItemSource.Resumed,
                    _ => SeedanceBatchItemSource.Journal,
                },
            };
            lock (_gate)
            {
                if (outcome.Source == JournalSource.Resumed) _resumed++;
                else if (outcome.Source == JournalSource.Journal) _fromJournal++;
            }
            if (_options.DownloadFolder is { } folder) item = await DownloadAsync(item, outcome, folder, cancellationToken).ConfigureAwait(false);
            return item;
        }

        /// <summary>Downloads the first result to the folder, unless a file of the recorded size is already there.</summary>
        private async Task<SeedanceBatchItem> DownloadAsync(SeedanceBatchItem item, JournaledOutcome outcome, string folder, CancellationToken cancellationToken)
        {
            var entry = outcome.Entry;
            var path = Path.GetFullPath(Path.Combine(folder, FileNameFor(item.Key, outcome.Task)));
            if (entry.DownloadSize is { } size && string.Equals(entry.DownloadPath, path, StringComparison.Ordinal)
                && File.Exists(path) && new FileInfo(path).Length == size)
            {
                return item with { DownloadPath = path };
            }
            try
            {
                Directory.CreateDirectory(folder);
                var task = outcome.Task;
                long written;
                try
                {
                    written = await task.DownloadResultAsync(_core._httpClient, 0, path, null, cancellationToken).ConfigureAwait(false);
                }
                catch (SeedanceApiException ex) when (outcome.Source == JournalSource.Journal && ex.StatusCode is 403 or 404 or 410)
                {
                    // The journal's URL was pre-signed and has expired: the task gives fresh ones.
                    task = await _core.GetTaskCoreAsync(task.Id, cancellationToken).ConfigureAwait(false);
                    written = await task.DownloadResultAsync(_core._httpClient, 0, path, null, cancellationToken).ConfigureAwait(false);
                    entry = entry with { ResultUrls = task.Results };
                }
                var downloaded = entry with { DownloadPath = path, DownloadSize = written, UpdatedAt = _core._timeProvider.GetUtcNow() };
                await _core.RecordQuietly(() => _journal.UpdateAsync(downloaded, CancellationToken.None), downloaded, "downloaded").ConfigureAwait(false);
                return item with { DownloadPath = path };
            }
            catch (Exception ex) when (ex is SeedanceApiException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                lock (_gate) _downloadsFailed++;
                return item with { Reason = $"Completed, but the download failed: {ex.Message}" };
            }
        }

        internal static string FileNameFor(string key, VideoTask task)
        {
            var invalid = Path.GetInvalidFileNameChars();
            var name = new string(key.Select(c => c == '/' ? '-' : Array.IndexOf(invalid, c) >= 0 || char.IsControl(c) ? '_' : c).ToArray()).Trim('.', ' ');
            if (name.Length == 0) name = "item";
            var extension = task.Results.Count > 0 && Uri.TryCreate(task.Results[0], UriKind.Absolute, out var url) ? Path.GetExtension(url.AbsolutePath) : string.Empty;
            if (extension.Length is < 2 or > 5 || !extension.Skip(1).All(char.IsAsciiLetterOrDigit)) extension = ".mp4";
            return name + extension;
        }

        private SeedanceBatchItem Classify(SeedanceBatchItem item, Exception exception, CancellationToken cancellationToken)
        {
            switch (exception)
            {
                case NotSubmittedException:
                    return item with { State = SeedanceBatchItemState.NotSubmitted, Reason = exception.Message };
                case SeedanceJournalConflictException conflict:
                    return item with { State = SeedanceBatchItemState.Conflict, TaskId = conflict.Stored.TaskId, Reason = conflict.Message };
                case SeedanceJournalException journal:
                    // The journal is the batch's safety: without it no further item may be sent.
                    Stop(journal);
                    return journal.NothingSent
                        ? item with { State = SeedanceBatchItemState.NotSubmitted, Reason = journal.Message }
                        : item with { State = SeedanceBatchItemState.OutcomeUnknown, TaskId = journal.TaskId, Reason = journal.Message };
                case SeedanceTaskFailedException failed:
                    return item with { State = SeedanceBatchItemState.Failed, TaskId = failed.TaskId, Source = item.Source, Reason = failed.Message };
                case SeedanceRequestOutcomeUnknownException unknown:
                    return item with { State = SeedanceBatchItemState.OutcomeUnknown, TaskId = unknown.TaskId, Reason = unknown.Message };
                case SeedanceTaskTimeoutException timeout:
                    return item with { State = SeedanceBatchItemState.Incomplete, TaskId = timeout.Task.Id, Reason = timeout.Message + " A rerun of the batch polls it again." };
                case SeedanceWaitCanceledException waitCanceled:
                    return item with { State = SeedanceBatchItemState.Incomplete, TaskId = waitCanceled.TaskId, Reason = "The batch stopped while the task was running; a rerun polls it again." };
                case SeedanceSubmitCanceledException submitCanceled:
                    return submitCanceled.RequestSent
                        ? item with { State = SeedanceBatchItemState.OutcomeUnknown, Reason = submitCanceled.Message }
                        : item with { State = SeedanceBatchItemState.NotSubmitted, Reason = "The batch stopped before the item was sent." };
                case SeedanceApiException api when api.TaskId is not null:
                    return item with { State = SeedanceBatchItemState.Incomplete, TaskId = api.TaskId, Reason = api.Message };
                case var noTask when ProvesNoTask(noTask):
                    // The create call proved no task exists (refused, never sent): a rerun may send it.
                    return item with { State = SeedanceBatchItemState.NotSubmitted, Reason = exception.Message };
                case OperationCanceledException when cancellationToken.IsCancellationRequested:
                    return item with { State = item.TaskId is null ? SeedanceBatchItemState.NotSubmitted : SeedanceBatchItemState.Incomplete, Reason = "The batch stopped before the item ended; a rerun resumes it." };
                default:
                    // Not a failure this client knows the meaning of: the entry, if any, says what was sent.
                    Stop(exception);
                    return item with { State = SeedanceBatchItemState.OutcomeUnknown, Reason = exception.Message };
            }
        }

        private void Stop(Exception exception)
        {
            lock (_gate) _fatal ??= exception;
            _stop.Cancel();
        }

        private void Count(SeedanceBatchItem item)
        {
            switch (item.State)
            {
                case SeedanceBatchItemState.Completed: _completed++; break;
                case SeedanceBatchItemState.Failed: _failed++; break;
                case SeedanceBatchItemState.OutcomeUnknown: _unknown++; break;
                case SeedanceBatchItemState.NotSubmitted: _notSubmitted++; break;
                case SeedanceBatchItemState.Incomplete: _incomplete++; break;
                case SeedanceBatchItemState.Conflict: _conflicts++; break;
            }
        }

        private void Report(SeedanceBatchItem item)
        {
            if (_progress is null) return;
            SeedanceBatchProgress snapshot;
            lock (_gate)
            {
                snapshot = new SeedanceBatchProgress
                {
                    Batch = _name,
                    Total = _total,
                    Queued = _total is { } total ? Math.Max(0, total - _seen) : 0,
                    Running = _running,
                    Completed = _completed,
                    Failed = _failed,
                    Unknown = _unknown,
                    NotSubmitted = _notSubmitted,
                    Incomplete = _incomplete,
                    Conflicts = _conflicts,
                    FromJournal = _resumed + _fromJournal,
                    Posted = _posted,
                    EstimatedSpend = _spend,
                    Budget = _options.Budget,
                    Item = item,
                };
            }
            _progress.Report(snapshot);
        }

        string? ISubmissionGate.BeforeNewPost(SeedanceJournalEntry entry)
        {
            lock (_gate)
            {
                if (_options.Budget is { } budget)
                {
                    if (entry.EstimatedCost is not { } cost)
                    {
                        return $"The matrix has no price for {entry.Model} at this quality, so its cost cannot be kept within the budget (${budget:0.00}); not submitted.";
                    }
                    if (_spend + cost > budget)
                    {
                        return $"Submitting it (about ${cost:0.00}) would raise the estimated spend from ${_spend:0.00} to ${_spend + cost:0.00}, above the budget of ${budget:0.00}; not submitted.";
                    }
                }
                _spend += entry.EstimatedCost ?? 0m;
                _posted++;
            }
            return null;
        }

        void ISubmissionGate.NoTaskCreated(SeedanceJournalEntry entry)
        {
            lock (_gate)
            {
                _spend -= entry.EstimatedCost ?? 0m;
                _posted--;
            }
        }

        void ISubmissionGate.Refused(TimeSpan? retryAfter)
        {
            lock (_gate) _refusals++;
            var (delay, limit) = _throttle.Refused(retryAfter);
            SeedanceLog.BatchBackingOff(_core._logger, _name, delay, limit);
        }

        void ISubmissionGate.Acknowledged(VideoTask task) => _throttle.Accepted();

        /// <summary>Turns a task's progress into the item's, and reports it when it changes.</summary>
        private sealed class ItemProgress(BatchRun run, Func<SeedanceBatchItem> get, Action<SeedanceBatchItem> set) : IProgress<VideoTask>
        {
            public void Report(VideoTask value)
            {
                var before = get();
                var after = before with { TaskId = value.Id, Progress = value.Progress };
                if (after == before) return;
                set(after);
                run.Report(after);
            }
        }
    }
}
