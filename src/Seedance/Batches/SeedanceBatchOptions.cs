using System;

namespace Seedance;

/// <summary>Settings of one <c>RunBatchAsync</c> call.</summary>
public sealed class SeedanceBatchOptions
{
    /// <summary>
    /// How many items run at once (default 4): each from its create call to its last poll and download. When the API
    /// refuses create calls (429, 503), the batch halves this for a while and pauses new submissions as a whole.
    /// </summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The most the batch may spend, in US dollars (the matrix's prices), counting what earlier runs of the same batch
    /// submitted. An item is submitted only if the estimated spend stays within it; the others are reported as not
    /// submitted, with the reason. Null (the default) for no limit.
    /// </summary>
    public decimal? Budget { get; set; }

    /// <summary>
    /// A folder to download each completed item's first result into, named from its key (<c>spring-campaign-17.mp4</c>);
    /// null (the default) for no downloads. A file already there with the size the journal recorded is not downloaded again.
    /// </summary>
    public string? DownloadFolder { get; set; }

    /// <summary>Which recorded outcomes may be sent again; none by default (see <see cref="SeedanceResubmit"/>).</summary>
    public SeedanceResubmit Resubmit { get; set; }

    internal void Validate()
    {
        if (MaxConcurrency is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "MaxConcurrency must be between 1 and 1024.");
        if (Budget is < 0) throw new ArgumentOutOfRangeException(nameof(Budget), Budget, "The budget cannot be negative.");
        if (DownloadFolder is { } folder && string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("The download folder is empty.", nameof(DownloadFolder));
    }
}
