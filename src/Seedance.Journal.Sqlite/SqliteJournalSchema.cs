namespace Seedance;

/// <summary>
/// The journal's schema, as the ordered steps that build it: a file at version N (PRAGMA user_version) gets steps N+1
/// onwards, in one transaction. A step, once released, never changes; a change of schema is a new step.
/// </summary>
internal static class SqliteJournalSchema
{
    public static readonly string[] Steps =
    [
        // 1: one row per key.
        """
        CREATE TABLE submissions (
            key              TEXT NOT NULL PRIMARY KEY,
            batch            TEXT NULL,
            item_index       INTEGER NULL,
            model            TEXT NOT NULL,
            body             TEXT NOT NULL,
            body_hash        TEXT NOT NULL,
            estimated_cost   TEXT NULL,
            state            TEXT NOT NULL,
            task_id          TEXT NULL,
            result_urls      TEXT NULL,
            reason           TEXT NULL,
            error_code       TEXT NULL,
            created_at       TEXT NOT NULL,
            acknowledged_at  TEXT NULL,
            finished_at      TEXT NULL,
            updated_at       TEXT NOT NULL
        ) STRICT;
        """,
        // 2: downloads, and a batch's rows in index order.
        """
        ALTER TABLE submissions ADD COLUMN download_path TEXT NULL;
        ALTER TABLE submissions ADD COLUMN download_size INTEGER NULL;
        CREATE INDEX submissions_by_batch ON submissions (batch, item_index) WHERE batch IS NOT NULL;
        """,
    ];

    public static int Version => Steps.Length;
}
