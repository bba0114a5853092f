using System;

namespace Seedance;

/// <summary>
/// The batch as a whole, reported each time an item starts, changes or ends, with the item that changed. Counts are a
/// snapshot at that moment; items not yet reached count as queued when the batch's size is known.
/// </summary>
public sealed record SeedanceBatchProgress
{
    /// <summary>The batch's name.</summary>
    public required string Batch { get; init; }

    /// <summary>The number of items, when the sequence tells it without being enumerated; otherwise null.</summary>
    public int? Total { get; init; }

    /// <summary>Items not reached yet (known only with <see cref="Total"/>).</summary>
    public int Queued { get; init; }

    /// <summary>Items being submitted, polled or downloaded.</summary>
    public int Running { get; init; }

    /// <summary>Items whose task completed.</summary>
    public int Completed { get; init; }

    /// <summary>Items whose task failed or was cancelled.</summary>
    public int Failed { get; init; }

    /// <summary>Items whose create call has an unknown outcome.</summary>
    public int Unknown { get; init; }

    /// <summary>Items not sent (budget, invalid, refused by the API).</summary>
    public int NotSubmitted { get; init; }

    /// <summary>Items created but not ended when waiting stopped.</summary>
    public int Incomplete { get; init; }

    /// <summary>Items whose key is recorded with another body.</summary>
    public int Conflicts { get; init; }

    /// <summary>Items this run found already acknowledged or finished in the journal (resumed or returned, not posted).</summary>
    public int FromJournal { get; init; }

    /// <summary>Create calls this run sent.</summary>
    public int Posted { get; init; }

    /// <summary>The estimated spend in US dollars so far: every item submitted by this run or an earlier one.</summary>
    public decimal EstimatedSpend { get; init; }

    /// <summary>The budget, if any.</summary>
    public decimal? Budget { get; init; }

    /// <summary>The item whose change caused this report.</summary>
    public SeedanceBatchItem? Item { get; init; }
}

/// <summary>What a batch run did, in counts (the items themselves are in the journal, and were reported as they ended).</summary>
public sealed record SeedanceBatchResult
{
    /// <summary>The batch's name.</summary>
    public required string Batch { get; init; }

    /// <summary>The items seen.</summary>
    public int Items { get; init; }

    /// <summary>Items whose task completed (this run or an earlier one).</summary>
    public int Completed { get; init; }

    /// <summary>Items whose task failed or was cancelled.</summary>
    public int Failed { get; init; }

    /// <summary>Items whose create call has an unknown outcome: see each item's reason.</summary>
    public int Unknown { get; init; }

    /// <summary>Items not sent, each reported with its reason.</summary>
    public int NotSubmitted { get; init; }

    /// <summary>Items created but not ended when waiting stopped; a rerun resumes them.</summary>
    public int Incomplete { get; init; }

    /// <summary>Items whose key is recorded with another body; not sent.</summary>
    public int Conflicts { get; init; }

    /// <summary>Completed items whose download failed (the result is still at the API; a rerun downloads it).</summary>
    public int DownloadsFailed { get; init; }

    /// <summary>Create calls this run sent.</summary>
    public int Posted { get; init; }

    /// <summary>Items an earlier run had acknowledged, polled by this one.</summary>
    public int Resumed { get; init; }

    /// <summary>Items an earlier run had finished, returned from the journal.</summary>
    public int FromJournal { get; init; }

    /// <summary>Create calls the API refused with 429 or 503 (each one backed the batch off).</summary>
    public int Refusals { get; init; }

    /// <summary>The estimated spend in US dollars, earlier runs included.</summary>
    public decimal EstimatedSpend { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>True when every item completed.</summary>
    public bool AllCompleted => Completed == Items;
}
