using System;
using System.Collections.Generic;

namespace Seedance;

/// <summary>
/// One journaled submission: the caller's key, what was sent, and how far it got. A journal stores one entry per key;
/// entries are immutable, and each change is a new entry written with <see cref="ISeedanceJournal.UpdateAsync"/>.
/// </summary>
public sealed record SeedanceJournalEntry
{
    /// <summary>The caller's key: one intent, paid for at most once (a batch uses <c>{batch}/{index}</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The batch's name, for entries written by a batch; null for single calls.</summary>
    public string? Batch { get; init; }

    /// <summary>The item's index in its batch; null for single calls.</summary>
    public int? Index { get; init; }

    /// <summary>The model ID.</summary>
    public required string Model { get; init; }

    /// <summary>The request body exactly as sent (UTF-8 JSON).</summary>
    public required string Body { get; init; }

    /// <summary>The SHA-256 of <see cref="Body"/>'s UTF-8 bytes, lowercase hex: a changed body under a known key is refused.</summary>
    public required string BodyHash { get; init; }

    /// <summary>The estimated cost in US dollars (the matrix's prices), or null when the matrix has no price.</summary>
    public decimal? EstimatedCost { get; init; }

    /// <summary>Where the submission stands.</summary>
    public required SeedanceJournalState State { get; init; }

    /// <summary>The task ID, once the API acknowledged the create call.</summary>
    public string? TaskId { get; init; }

    /// <summary>The result URLs of a completed task.</summary>
    public IReadOnlyList<string> ResultUrls { get; init; } = Array.Empty<string>();

    /// <summary>Why the entry is outcome-unknown or failed, in words (never the API key).</summary>
    public string? Reason { get; init; }

    /// <summary>The API's error code of a failed task.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The full path of the downloaded result, once downloaded.</summary>
    public string? DownloadPath { get; init; }

    /// <summary>The downloaded file's size in bytes: a file of this size at <see cref="DownloadPath"/> is not downloaded again.</summary>
    public long? DownloadSize { get; init; }

    /// <summary>When the entry was first written (just before the create call).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the API acknowledged the task.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When the task ended (completed, failed or cancelled).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the entry was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
