using System;

namespace Seedance;

/// <summary>
/// The journal could not be read or written: a corrupt file, one locked by another process, a newer schema, a full
/// disk. <see cref="NothingSent"/> says whether the create call was held back; when it was not, <see cref="TaskId"/>
/// names the task the journal failed to record, so that nothing paid for is lost.
/// </summary>
public class SeedanceJournalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SeedanceJournalException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The journal's file, when it has one.</summary>
    public string? Path { get; init; }

    /// <summary>The key being written, when the failure was about one submission.</summary>
    public string? Key { get; init; }

    /// <summary>True when no create call was sent because of this failure (the journal is written first).</summary>
    public bool NothingSent { get; init; } = true;

    /// <summary>The task the API created but the journal could not record; null when there is none or it is unknown.</summary>
    public string? TaskId { get; init; }
}
