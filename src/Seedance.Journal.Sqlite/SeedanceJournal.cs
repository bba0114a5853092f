namespace Seedance;

/// <summary>Opens the journals this package provides.</summary>
public static class SeedanceJournal
{
    /// <summary>
    /// A journal in the SQLite file <paramref name="path"/> (created on first use, in WAL mode, its schema migrated
    /// forward). One process uses a file at a time; set it as <see cref="SeedanceClientOptions.Journal"/>.
    /// </summary>
    /// <param name="path">The file, such as <c>seedance.db</c>; a relative path is resolved against the current directory now.</param>
    /// <param name="options">Time limits; null for the defaults.</param>
    public static SqliteSeedanceJournal OpenSqlite(string path, SqliteJournalOptions? options = null) => new(path, options);
}
