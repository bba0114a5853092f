namespace Seedance.Journal.CrashChild;

// The child's output, one JSON line each: shared with the tests that read it (linked there), so the two cannot drift.

/// <summary>One item that ended.</summary>
internal sealed record ItemLine(int Index, string State, string Source, string? TaskId, string? Reason);

/// <summary>The batch's result, its time and its memory: working set and heap after a full GC, every 1,000 items.</summary>
internal sealed record ResultLine(
    int Items, int Completed, int Failed, int Unknown, int NotSubmitted, int Incomplete, int Conflicts,
    int Posted, int Resumed, int FromJournal, int Refusals, decimal EstimatedSpend,
    double Seconds, long PeakWorkingSet, long[] WorkingSetEvery1000, long[] HeapEvery1000);
