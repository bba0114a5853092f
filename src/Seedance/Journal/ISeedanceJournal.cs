using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Seedance;

/// <summary>
/// A durable record of every paid submission, keyed by the caller's key. The client writes an entry before a create
/// call leaves and updates it as soon as the answer arrives, so that a rerun after a crash resumes (polls what was
/// acknowledged, returns what completed) instead of paying again. <c>SeedanceJournal.OpenSqlite</c> (package
/// Seedance.Journal.Sqlite) is the default store; see docs/journal.md for the contract another store must keep.
/// </summary>
/// <remarks>
/// Every write must be durable when its task completes: the client sends the create call only after
/// <see cref="TryAddAsync"/> has returned. Implementations must be safe for concurrent calls, and throw
/// <see cref="SeedanceJournalException"/> when the store cannot be read or written.
/// </remarks>
public interface ISeedanceJournal
{
    /// <summary>The entry stored under <paramref name="key"/>, or null.</summary>
    ValueTask<SeedanceJournalEntry?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="entry"/> unless its key is already there (atomically); false when it was.</summary>
    ValueTask<bool> TryAddAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry stored under <paramref name="entry"/>'s key.</summary>
    /// <exception cref="SeedanceJournalException">No entry has that key, or the store failed.</exception>
    ValueTask UpdateAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the entry under <paramref name="key"/>: only for a create call proven not to have created a task.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>The entries of one batch in index order, or every entry when <paramref name="batch"/> is null (in key order).</summary>
    IAsyncEnumerable<SeedanceJournalEntry> ListAsync(string? batch, CancellationToken cancellationToken);
}
