using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Seedance.Journal.Tests;

public sealed class SqliteJournalTests
{
    [Fact]
    public async Task The_file_is_created_on_first_use_in_WAL_mode_at_the_current_schema_version()
    {
        var folder = Harness.NewFolder();
        var path = Path.Combine(folder, "nested", "seedance.db");
        await using (var journal = SeedanceJournal.OpenSqlite(path))
        {
            Assert.False(File.Exists(path));
            Assert.Null(await journal.FindAsync("nothing", CancellationToken.None));
            Assert.True(File.Exists(path));
            Assert.Equal("ok", await journal.CheckIntegrityAsync());
        }
        Assert.Equal("wal", Pragma(path, "journal_mode"));
        Assert.Equal(SqliteSeedanceJournal.SchemaVersion.ToString(), Pragma(path, "user_version"));
    }

    [Fact]
    public async Task Every_field_round_trips()
    {
        var path = Path.Combine(Harness.NewFolder(), "seedance.db");
        var entry = KeyedGenerationTests.Entry("spring/7", Harness.Request(7), SeedanceJournalState.Completed, "task-unified-1-0001abcd") with
        {
            Batch = "spring",
            Index = 7,
            EstimatedCost = 0.29104m,
            ResultUrls = ["https://cdn.example/a.mp4", "https://cdn.example/b.mp4"],
            Reason = "because \"quoted\" — and 中文",
            ErrorCode = "E1",
            DownloadPath = "/videos/spring-7.mp4",
            DownloadSize = 123456789012,
            CreatedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, 123, TimeSpan.FromHours(8)),
            AcknowledgedAt = new DateTimeOffset(2026, 12, 1, 2, 0, 1, TimeSpan.Zero),
            FinishedAt = new DateTimeOffset(2026, 12, 1, 2, 3, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 12, 1, 2, 3, 1, TimeSpan.Zero),
        };
        await using (var journal = SeedanceJournal.OpenSqlite(path))
        {
            Assert.True(await journal.TryAddAsync(entry, CancellationToken.None));
            Assert.False(await journal.TryAddAsync(entry with { State = SeedanceJournalState.Sending }, CancellationToken.None));
        }
        await using (var reopened = SeedanceJournal.OpenSqlite(path))
        {
            var read = await reopened.FindAsync("spring/7", CancellationToken.None);
            Assert.NotNull(read);
            Assert.Equal(entry.ResultUrls, read!.ResultUrls);
            Assert.Equal(entry with { ResultUrls = read.ResultUrls }, read);
            Assert.Equal(entry.CreatedAt, read.CreatedAt);
        }
    }

    [Fact]
    public async Task A_batch_lists_in_index_order_across_pages()
    {
        var path = Path.Combine(Harness.NewFolder(), "seedance.db");
        await using var journal = SeedanceJournal.OpenSqlite(path);
        foreach (var i in Enumerable.Range(0, 600).Reverse())
        {
            await journal.TryAddAsync(KeyedGenerationTests.Entry($"b/{i}", Harness.Request(i), SeedanceJournalState.Created, null) with { Batch = "b", Index = i }, CancellationToken.None);
        }
        await journal.TryAddAsync(KeyedGenerationTests.Entry("b2/0", Harness.Request(0), SeedanceJournalState.Created, null) with { Batch = "b2", Index = 0 }, CancellationToken.None);

        var listed = await journal.ListAsync("b", CancellationToken.None).Select(e => e.Index!.Value).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 600), listed);
        Assert.Equal(601, await journal.ListAsync(null, CancellationToken.None).CountAsync());
    }

    [Fact]
    public async Task A_file_of_the_first_schema_is_migrated_forward_and_keeps_its_rows()
    {
        var path = Path.Combine(Harness.NewFolder(), "seedance.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            Exec(old, SqliteJournalSchema.Steps[0]);
            Exec(old, "PRAGMA user_version = 1");
            Exec(old, "INSERT INTO submissions (key, model, body, body_hash, state, task_id, created_at, updated_at) VALUES ('old/0', 'seedance-2.0-text-to-video', '{}', 'abc', 'created', 'task-unified-1-0001', '2026-11-30T10:00:00.0000000Z', '2026-11-30T10:00:00.0000000Z')");
        }

        await using (var journal = SeedanceJournal.OpenSqlite(path))
        {
            var entry = await journal.FindAsync("old/0", CancellationToken.None);
            Assert.Equal(SeedanceJournalState.Created, entry!.State);
            Assert.Equal("task-unified-1-0001", entry.TaskId);
            Assert.Null(entry.DownloadSize);
            await journal.UpdateAsync(entry with { DownloadPath = "/x.mp4", DownloadSize = 32 }, CancellationToken.None);
        }
        Assert.Equal(SqliteSeedanceJournal.SchemaVersion.ToString(), Pragma(path, "user_version"));
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_is_refused_and_left_unchanged()
    {
        var path = Path.Combine(Harness.NewFolder(), "seedance.db");
        await using (var journal = SeedanceJournal.OpenSqlite(path)) await journal.FindAsync("x", CancellationToken.None);
        using (var newer = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            newer.Open();
            Exec(newer, $"PRAGMA user_version = {SqliteSeedanceJournal.SchemaVersion + 1}");
        }
        var before = Hash(path);

        await using var reopened = SeedanceJournal.OpenSqlite(path);
        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => reopened.FindAsync("x", CancellationToken.None).AsTask());
        Assert.Contains($"schema version {SqliteSeedanceJournal.SchemaVersion + 1}", error.Message);
        Assert.Contains("newer Seedance.Journal.Sqlite", error.Message);
        Assert.Equal(path, error.Path);
        await reopened.DisposeAsync();
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_unchanged()
    {
        var path = Path.Combine(Harness.NewFolder(), "seedance.db");
        File.WriteAllText(path, "this is a spreadsheet export, not a journal\n" + new string('x', 5000));
        var before = Hash(path);

        await using var journal = SeedanceJournal.OpenSqlite(path);
        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => journal.FindAsync("x", CancellationToken.None).AsTask());
        Assert.Contains("not a readable SQLite database", error.Message);
        Assert.Contains("move it aside", error.Message);
        await journal.DisposeAsync();
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public async Task A_journal_damaged_inside_is_reported_and_nothing_is_sent()
    {
        await using var h = await Harness.StartAsync();
        await using (var journal = SeedanceJournal.OpenSqlite(h.JournalPath))
        {
            foreach (var i in Enumerable.Range(0, 300))
            {
                await journal.TryAddAsync(KeyedGenerationTests.Entry($"d/{i}", Harness.Request(i), SeedanceJournalState.Completed, $"task-{i}") with { Batch = "d", Index = i }, CancellationToken.None);
            }
        }
        Checkpoint(h.JournalPath);
        // Overwrite the table's pages past the first two with noise.
        using (var file = new FileStream(h.JournalPath, FileMode.Open, FileAccess.ReadWrite))
        {
            var noise = new byte[file.Length - 8192];
            new Random(7).NextBytes(noise);
            file.Position = 8192;
            file.Write(noise);
        }
        var before = Hash(h.JournalPath);

        await using var damaged = SeedanceJournal.OpenSqlite(h.JournalPath);
        var core = h.Core(damaged);
        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => core.RunBatchAsync("d", Enumerable.Range(0, 300).Select(i => Harness.Request(i)), null, null, CancellationToken.None));
        Assert.True(error.NothingSent);
        Assert.Contains(h.JournalPath, error.Message);
        Assert.Equal(0, h.Posts);
        await damaged.DisposeAsync();
        Assert.Equal(before, Hash(h.JournalPath));
    }

    [Fact]
    public async Task A_journal_in_use_by_another_process_is_refused_with_a_clear_error()
    {
        var path = Path.Combine(Harness.NewFolder(), "seedance.db");
        using var holder = CrashChild.Start("hold", path);
        Assert.Equal("holding", await holder.StandardOutput.ReadLineAsync());

        await using var journal = SeedanceJournal.OpenSqlite(path);
        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => journal.FindAsync("x", CancellationToken.None).AsTask());
        Assert.Contains("in use by another process", error.Message);

        holder.StandardInput.Close();
        await holder.WaitForExitAsync();
        Assert.Null(await journal.FindAsync("x", CancellationToken.None));
    }

    [Fact]
    public async Task A_lock_held_by_another_connection_times_out_with_a_clear_error()
    {
        var path = Path.Combine(Harness.NewFolder(), "seedance.db");
        await using (var created = SeedanceJournal.OpenSqlite(path)) await created.FindAsync("x", CancellationToken.None);
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        Exec(other, "BEGIN EXCLUSIVE");

        await using var journal = SeedanceJournal.OpenSqlite(path, new SqliteJournalOptions { BusyTimeout = TimeSpan.FromSeconds(1) });
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => journal.TryAddAsync(KeyedGenerationTests.Entry("k", Harness.Request(1), SeedanceJournalState.Sending, null), CancellationToken.None).AsTask());
        Assert.Contains("locked by another connection", error.Message);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.5, 10);

        Exec(other, "ROLLBACK");
        Assert.True(await journal.TryAddAsync(KeyedGenerationTests.Entry("k", Harness.Request(1), SeedanceJournalState.Sending, null), CancellationToken.None));
    }

    [Fact]
    public async Task A_full_disk_stops_the_call_before_anything_is_sent()
    {
        await using var h = await Harness.StartAsync();
        await using (var created = SeedanceJournal.OpenSqlite(h.JournalPath)) await created.FindAsync("x", CancellationToken.None);
        var pages = long.Parse(Pragma(h.JournalPath, "page_count"));
        // The file may not grow by a single page: the first new row fails as it would on a full disk (SQLITE_FULL).
        await using var journal = SeedanceJournal.OpenSqlite(h.JournalPath, new SqliteJournalOptions { MaxPageCount = pages });
        var core = h.Core(journal);
        var big = Harness.Request(1) with { Prompt = "A long, detailed prompt. " + string.Join(" ", Enumerable.Repeat("The camera glides past lanterns.", 150)) };

        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => core.GenerateAsync("full", big, SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Contains("disk is full", error.Message);
        Assert.True(error.NothingSent);
        Assert.Equal("full", error.Key);
        Assert.Equal(0, h.Posts);

        var batch = await Assert.ThrowsAsync<SeedanceJournalException>(() => core.RunBatchAsync("full", Enumerable.Range(0, 20).Select(i => big with { Prompt = big.Prompt + i }), null, null, CancellationToken.None));
        Assert.True(batch.NothingSent);
        Assert.Equal(0, h.Posts);
    }

    [Fact]
    public async Task A_journal_that_fails_after_the_acknowledgement_names_the_task_it_could_not_record()
    {
        await using var h = await Harness.StartAsync();
        await using var inner = SeedanceJournal.OpenSqlite(h.JournalPath);
        var journal = new FailingUpdates(inner);
        var core = h.Core(journal);

        var error = await Assert.ThrowsAsync<SeedanceJournalException>(() => core.GenerateAsync("k", Harness.Request(1), SeedanceResubmit.None, null, CancellationToken.None));

        Assert.False(error.NothingSent);
        var created = Assert.Single(h.Emulator.Requests, r => r.CreatedTaskId is not null);
        Assert.Equal(created.CreatedTaskId, error.TaskId);
        Assert.Contains($"WaitForCompletionAsync(\"{error.TaskId}\")", error.Message);
        // The entry still says "sending": the same key is not sent again.
        Assert.Equal(SeedanceJournalState.Sending, (await inner.FindAsync("k", CancellationToken.None))!.State);
        await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => h.Core(inner).GenerateAsync("k", Harness.Request(1), SeedanceResubmit.None, null, CancellationToken.None));
        Assert.Equal(1, h.Posts);
    }

    private sealed class FailingUpdates(ISeedanceJournal inner) : ISeedanceJournal
    {
        public ValueTask<SeedanceJournalEntry?> FindAsync(string key, CancellationToken cancellationToken) => inner.FindAsync(key, cancellationToken);

        public ValueTask<bool> TryAddAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken) => inner.TryAddAsync(entry, cancellationToken);

        public ValueTask UpdateAsync(SeedanceJournalEntry entry, CancellationToken cancellationToken) => throw new IOException("No space left on device");

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => inner.RemoveAsync(key, cancellationToken);

        public System.Collections.Generic.IAsyncEnumerable<SeedanceJournalEntry> ListAsync(string? batch, CancellationToken cancellationToken) => inner.ListAsync(batch, cancellationToken);
    }

    internal static string Pragma(string path, string pragma)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static void Checkpoint(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
