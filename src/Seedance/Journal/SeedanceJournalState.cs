namespace Seedance;

/// <summary>Where a journaled submission stands. Stored as the text in brackets.</summary>
public enum SeedanceJournalState
{
    /// <summary>(<c>sending</c>) Recorded before the create call left; if it stays so, the process ended mid-call and a task may exist.</summary>
    Sending,

    /// <summary>(<c>created</c>) The API acknowledged the task; its ID is recorded and a rerun polls it.</summary>
    Created,

    /// <summary>(<c>outcome-unknown</c>) The create call may have reached the API but no task ID came back; see the reason.</summary>
    OutcomeUnknown,

    /// <summary>(<c>completed</c>) The task completed; its result URLs are recorded.</summary>
    Completed,

    /// <summary>(<c>failed</c>) The task failed at the API; its error is recorded.</summary>
    Failed,

    /// <summary>(<c>cancelled</c>) The task was cancelled at the API.</summary>
    Cancelled,
}

/// <summary>The journal's text for each state, as stored.</summary>
public static class SeedanceJournalStates
{
    /// <summary>The stored text of <paramref name="state"/>, such as <c>outcome-unknown</c>.</summary>
    public static string ToText(SeedanceJournalState state) => state switch
    {
        SeedanceJournalState.Sending => "sending",
        SeedanceJournalState.Created => "created",
        SeedanceJournalState.OutcomeUnknown => "outcome-unknown",
        SeedanceJournalState.Completed => "completed",
        SeedanceJournalState.Failed => "failed",
        SeedanceJournalState.Cancelled => "cancelled",
        _ => throw new System.ArgumentOutOfRangeException(nameof(state), state, "Not a journal state."),
    };

    /// <summary>Reads a stored state; false for text this version does not know.</summary>
    public static bool TryParse(string? text, out SeedanceJournalState state)
    {
        switch (text)
        {
            case "sending": state = SeedanceJournalState.Sending; return true;
            case "created": state = SeedanceJournalState.Created; return true;
            case "outcome-unknown": state = SeedanceJournalState.OutcomeUnknown; return true;
            case "completed": state = SeedanceJournalState.Completed; return true;
            case "failed": state = SeedanceJournalState.Failed; return true;
            case "cancelled": state = SeedanceJournalState.Cancelled; return true;
            default: state = default; return false;
        }
    }
}
