namespace Seedance;

/// <summary>Where one batch item stands.</summary>
public enum SeedanceBatchItemState
{
    /// <summary>Being submitted, polled or downloaded.</summary>
    Running,

    /// <summary>The task completed (now, or in an earlier run).</summary>
    Completed,

    /// <summary>The task failed or was cancelled at the API.</summary>
    Failed,

    /// <summary>The create call may have reached the API but no task ID is known; never sent again without opting in.</summary>
    OutcomeUnknown,

    /// <summary>Not sent: the budget, an invalid request, or the API refused it (no task exists; a rerun may send it).</summary>
    NotSubmitted,

    /// <summary>The task was created but had not ended when this run stopped waiting; a rerun polls it.</summary>
    Incomplete,

    /// <summary>The key is recorded with a different request body; not sent.</summary>
    Conflict,
}

/// <summary>How an item got where it is.</summary>
public enum SeedanceBatchItemSource
{
    /// <summary>Not decided yet, or nothing was sent.</summary>
    None,

    /// <summary>This run sent its create call.</summary>
    Posted,

    /// <summary>An earlier run's create call was acknowledged; this run polled the task.</summary>
    Resumed,

    /// <summary>An earlier run recorded the outcome; this run made no call for it.</summary>
    Journal,
}

/// <summary>One batch item as it changed.</summary>
/// <param name="Index">The item's index in the batch's sequence.</param>
/// <param name="Key">Its journal key, <c>{batch}/{index}</c>.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Source">Whether this run posted it, resumed it or found it finished.</param>
/// <param name="TaskId">Its task, once known.</param>
/// <param name="Progress">The task's progress, 0–100.</param>
/// <param name="EstimatedCost">Its estimated cost in US dollars, or null without a price.</param>
/// <param name="Reason">Why it failed, is unknown, was not submitted or conflicts; for a completed item whose download failed, why.</param>
/// <param name="DownloadPath">The downloaded file, when downloads are on and it succeeded.</param>
public sealed record SeedanceBatchItem(
    int Index,
    string Key,
    SeedanceBatchItemState State,
    SeedanceBatchItemSource Source,
    string? TaskId,
    int Progress,
    decimal? EstimatedCost,
    string? Reason,
    string? DownloadPath);
