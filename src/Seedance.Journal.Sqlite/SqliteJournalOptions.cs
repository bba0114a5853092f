using System;

namespace Seedance;

/// <summary>Settings of a <see cref="SqliteSeedanceJournal"/>.</summary>
public sealed class SqliteJournalOptions
{
    /// <summary>
    /// How long a write waits for a lock held by another connection to the file (a backup, a <c>sqlite3</c> shell)
    /// before it fails with <see cref="SeedanceJournalException"/>; default 5 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>For tests: the largest number of pages the file may grow to, to simulate a full disk.</summary>
    internal long? MaxPageCount { get; set; }
}
