using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Seedance;

/// <summary>
/// The journal in a SQLite file: one row per key, written with <c>synchronous=FULL</c> in WAL mode, so each write is on
/// disk before the call that made it returns (and so before the create call leaves). Opened on first use.
/// </summary>
/// <remarks>
/// One process uses a file at a time: a lock on <c>{path}.lock</c>, which the OS releases when the process ends (even
/// when it is killed), makes a second process fail with a clear error instead of racing the first. The file is never
/// deleted or rewritten when it cannot be read: a corrupt or newer file gets a <see cref="SeedanceJournalException"/>.
/// </remarks>
public sealed class SqliteSeedanceJournal : ISeedanceJournal, IDisposable, IAsyncDisposable
{
    private const string Columns = "key, batch, item_index, model, body, body_hash, estimated_cost, state, task_id, result_urls, reason, error_code, download_path, download_size, created_at, acknowledged_at, finished_at, updated_at";
    private const int ListPage = 256;

    private readonly SqliteJournalOptions _options;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SqliteConnection? _connection;
    private FileStream? _processLock;
    private bool _disposed;

    internal SqliteSeedanceJournal(string path, SqliteJournalOptions? options)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The journal's path is empty.", nameof(path));
        Path = System.IO.Path.GetFullPath(path);
        _options = options ?? new SqliteJournalOptions();
        if (_options.BusyTimeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "BusyTimeout cannot be negative.");
    }

    /// <summary>The journal's file (a full path).</summary>
    public string Path { get; }

    /// <summary>The schema version this package writes.</summary>
    public static int SchemaVersion => SqliteJournalSchema.Version;

    /// <inheritdoc/>
    public async ValueTask<SeedanceJournalEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        return await WithConnectionAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM submissions WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadEntry(reader) : null;
        }, key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryAddAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry is null) throw new ArgumentNullException(nameof(entry));
        return await WithConnectionAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO submissions ({Columns}) VALUES ($key, $batch, $item_index, $model, $body, $body_hash, $estimated_cost, $state, $task_id, $result_urls, $reason, $error_code, $download_path, $download_size, $created_at, $acknowledged_at, $finished_at, $updated_at) ON CONFLICT (key) DO NOTHING";
            Bind(command, entry);
            return command.ExecuteNonQuery() == 1;
        }, entry.Key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask UpdateAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken)
    {
        if (entry is null) throw new ArgumentNullException(nameof(entry));
        var updated = await WithConnectionAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE submissions SET batch = $batch, item_index = $item_index, model = $model, body = $body, body_hash = $body_hash, estimated_cost = $estimated_cost, state = $state, task_id = $task_id, result_urls = $result_urls, reason = $reason, error_code = $error_code, download_path = $download_path, download_size = $download_size, created_at = $created_at, acknowledged_at = $acknowledged_at, finished_at = $finished_at, updated_at = $updated_at WHERE key = $key";
            Bind(command, entry);
            return command.ExecuteNonQuery();
        }, entry.Key, cancellationToken).ConfigureAwait(false);
        if (updated != 1) throw new SeedanceJournalException($"The journal {Path} holds no entry for key \"{entry.Key}\" to update.") { Path = Path, Key = entry.Key };
    }

    /// <inheritdoc/>
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        await WithConnectionAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM submissions WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            return command.ExecuteNonQuery();
        }, key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SeedanceJournalEntry> ListAsync(string? batch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Page by page, so that neither a long batch nor a slow consumer holds the connection.
        long afterIndex = long.MinValue;
        string afterKey = string.Empty;
        while (true)
        {
            var page = await WithConnectionAsync(connection =>
            {
                using var command = connection.CreateCommand();
                if (batch is null)
                {
                    command.CommandText = $"SELECT {Columns} FROM submissions WHERE key > $after ORDER BY key LIMIT {ListPage}";
                    command.Parameters.AddWithValue("$after", afterKey);
                }
                else
                {
                    command.CommandText = $"SELECT {Columns} FROM submissions WHERE batch = $batch AND (item_index > $after OR (item_index = $after AND key > $afterKey)) ORDER BY item_index, key LIMIT {ListPage}";
                    command.Parameters.AddWithValue("$batch", batch);
                    command.Parameters.AddWithValue("$after", afterIndex);
                    command.Parameters.AddWithValue("$afterKey", afterKey);
                }
                var rows = new List<SeedanceJournalEntry>(ListPage);
                using var reader = command.ExecuteReader();
                while (reader.Read()) rows.Add(ReadEntry(reader));
                return rows;
            }, null, cancellationToken).ConfigureAwait(false);

            foreach (var entry in page) yield return entry;
            if (page.Count < ListPage) yield break;
            afterKey = page[^1].Key;
            afterIndex = page[^1].Index ?? long.MinValue;
        }
    }

    /// <summary>Runs SQLite's <c>PRAGMA integrity_check</c>; "ok" for a sound file, otherwise what is wrong.</summary>
    public async ValueTask<string> CheckIntegrityAsync(CancellationToken cancellationToken = default) =>
        await WithConnectionAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read()) lines.Add(reader.GetString(0));
            return string.Join(Environment.NewLine, lines);
        }, null, cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the file and releases its lock.</summary>
    public void Dispose()
    {
        _lock.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
            _processLock?.Dispose();
            _processLock = null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <summary>Describes the journal by its file.</summary>
    public override string ToString() => $"SqliteSeedanceJournal {{ Path = {Path} }}";

    private async ValueTask<T> WithConnectionAsync<T>(Func<SqliteConnection, T> work, string? key, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_disposed) throw new ObjectDisposedException(nameof(SqliteSeedanceJournal), $"The journal {Path} has been disposed.");
            try
            {
                return work(_connection ??= Open());
            }
            catch (SqliteException ex)
            {
                throw Failure(ex, key);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private SqliteConnection Open()
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _processLock ??= TakeProcessLock();

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout, in whole seconds.
            DefaultTimeout = Math.Max(0, (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL");
            // FULL: a commit is on disk (not only in the OS's cache) before it returns; the POST leaves after that.
            Execute(connection, "PRAGMA synchronous = FULL");
            Execute(connection, "PRAGMA foreign_keys = ON");
            if (_options.MaxPageCount is { } pages) Execute(connection, $"PRAGMA max_page_count = {pages.ToString(CultureInfo.InvariantCulture)}");
            Migrate(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private FileStream TakeProcessLock()
    {
        var lockPath = Path + ".lock";
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share lock on Windows; both end with the process.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new SeedanceJournalException($"The journal {Path} is in use by another process (it holds {lockPath}). One process uses a journal at a time: wait for it to end, or give this run its own file. Nothing was sent.", ex) { Path = Path };
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new SeedanceJournalException($"The journal's lock file {lockPath} cannot be opened ({ex.Message}). Nothing was sent.", ex) { Path = Path };
        }
    }

    private void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SqliteJournalSchema.Version)
        {
            throw new SeedanceJournalException(
                $"The journal {Path} has schema version {version}, written by a newer Seedance.Journal.Sqlite; this one knows up to version {SqliteJournalSchema.Version}. It was not changed: update the package, or use another file. Nothing was sent.")
            { Path = Path };
        }
        if (version == SqliteJournalSchema.Version) return;

        using var transaction = connection.BeginTransaction();
        // Re-read inside the write lock: another connection may have migrated meanwhile.
        version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version", transaction), CultureInfo.InvariantCulture);
        for (var step = version; step < SqliteJournalSchema.Version; step++)
        {
            Execute(connection, SqliteJournalSchema.Steps[step], transaction);
        }
        Execute(connection, $"PRAGMA user_version = {SqliteJournalSchema.Version.ToString(CultureInfo.InvariantCulture)}", transaction);
        transaction.Commit();
    }

    private SeedanceJournalException Failure(SqliteException ex, string? key)
    {
        var about = key is null ? string.Empty : $" while recording key \"{key}\"";
        var message = ex.SqliteErrorCode switch
        {
            5 or 6 => $"The journal {Path} is locked by another connection (SQLite: {ex.Message}){about}; it waited {_options.BusyTimeout.TotalSeconds:0.#} s (BusyTimeout). Close the other program, or raise BusyTimeout.",
            11 or 26 => $"The journal {Path} is not a readable SQLite database (SQLite: {ex.Message}){about}. It was left as it is: move it aside (it may still be recoverable with sqlite3's .recover) and start a new file.",
            13 => $"The journal {Path} cannot grow: the disk is full (SQLite: {ex.Message}){about}. Free some space and run again.",
            8 or 14 => $"The journal {Path} cannot be opened for writing (SQLite: {ex.Message}){about}.",
            10 => $"The journal {Path} could not be read or written (disk I/O error: {ex.Message}){about}.",
            _ => $"The journal {Path} failed (SQLite error {ex.SqliteErrorCode}: {ex.Message}){about}.",
        };
        return new SeedanceJournalException(message + " Nothing was sent because of this write.", ex) { Path = Path, Key = key };
    }

    private static void Bind(SqliteCommand command, SeedanceJournalEntry entry)
    {
        var p = command.Parameters;
        p.AddWithValue("$key", entry.Key);
        p.AddWithValue("$batch", (object?)entry.Batch ?? DBNull.Value);
        p.AddWithValue("$item_index", (object?)entry.Index ?? DBNull.Value);
        p.AddWithValue("$model", entry.Model);
        p.AddWithValue("$body", entry.Body);
        p.AddWithValue("$body_hash", entry.BodyHash);
        p.AddWithValue("$estimated_cost", entry.EstimatedCost is { } cost ? cost.ToString(CultureInfo.InvariantCulture) : DBNull.Value);
        p.AddWithValue("$state", SeedanceJournalStates.ToText(entry.State));
        p.AddWithValue("$task_id", (object?)entry.TaskId ?? DBNull.Value);
        p.AddWithValue("$result_urls", entry.ResultUrls.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(entry.ResultUrls, JournalJsonContext.Default.IReadOnlyListString));
        p.AddWithValue("$reason", (object?)entry.Reason ?? DBNull.Value);
        p.AddWithValue("$error_code", (object?)entry.ErrorCode ?? DBNull.Value);
        p.AddWithValue("$download_path", (object?)entry.DownloadPath ?? DBNull.Value);
        p.AddWithValue("$download_size", (object?)entry.DownloadSize ?? DBNull.Value);
        p.AddWithValue("$created_at", Time(entry.CreatedAt));
        p.AddWithValue("$acknowledged_at", entry.AcknowledgedAt is { } acknowledged ? Time(acknowledged) : DBNull.Value);
        p.AddWithValue("$finished_at", entry.FinishedAt is { } finished ? Time(finished) : DBNull.Value);
        p.AddWithValue("$updated_at", Time(entry.UpdatedAt));
    }

    private SeedanceJournalEntry ReadEntry(SqliteDataReader reader)
    {
        var key = reader.GetString(0);
        var stateText = reader.GetString(7);
        if (!SeedanceJournalStates.TryParse(stateText, out var state))
        {
            throw new SeedanceJournalException($"The journal {Path} holds key \"{key}\" in state \"{stateText}\", which this version does not know (a newer writer?). Nothing was sent for it.") { Path = Path, Key = key };
        }
        try
        {
            return new SeedanceJournalEntry
            {
                Key = key,
                Batch = reader.IsDBNull(1) ? null : reader.GetString(1),
                Index = reader.IsDBNull(2) ? null : checked((int)reader.GetInt64(2)),
                Model = reader.GetString(3),
                Body = reader.GetString(4),
                BodyHash = reader.GetString(5),
                EstimatedCost = reader.IsDBNull(6) ? null : decimal.Parse(reader.GetString(6), NumberStyles.Number, CultureInfo.InvariantCulture),
                State = state,
                TaskId = reader.IsDBNull(8) ? null : reader.GetString(8),
                ResultUrls = reader.IsDBNull(9) ? Array.Empty<string>() : JsonSerializer.Deserialize(reader.GetString(9), JournalJsonContext.Default.IReadOnlyListString) ?? Array.Empty<string>(),
                Reason = reader.IsDBNull(10) ? null : reader.GetString(10),
                ErrorCode = reader.IsDBNull(11) ? null : reader.GetString(11),
                DownloadPath = reader.IsDBNull(12) ? null : reader.GetString(12),
                DownloadSize = reader.IsDBNull(13) ? null : reader.GetInt64(13),
                CreatedAt = ParseTime(reader.GetString(14)),
                AcknowledgedAt = reader.IsDBNull(15) ? null : ParseTime(reader.GetString(15)),
                FinishedAt = reader.IsDBNull(16) ? null : ParseTime(reader.GetString(16)),
                UpdatedAt = ParseTime(reader.GetString(17)),
            };
        }
        catch (Exception ex) when (ex is FormatException or JsonException or OverflowException or InvalidCastException)
        {
            throw new SeedanceJournalException($"The journal {Path} holds an unreadable row for key \"{key}\" ({ex.Message}). It was left as it is; nothing was sent for it.", ex) { Path = Path, Key = key };
        }
    }

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
