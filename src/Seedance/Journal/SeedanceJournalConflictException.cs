using System;

namespace Seedance;

/// <summary>
/// A key the journal already holds came with a different request body. The client does not resubmit silently: a
/// key stands for one paid intent. Use a new key (or batch name) for the changed request; nothing was sent.
/// </summary>
public sealed class SeedanceJournalConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SeedanceJournalConflictException(SeedanceJournalEntry stored, string newBodyHash)
        : base(Describe(stored ?? throw new ArgumentNullException(nameof(stored)), newBodyHash))
    {
        Stored = stored;
        NewBodyHash = newBodyHash;
    }

    /// <summary>The entry stored under the key.</summary>
    public SeedanceJournalEntry Stored { get; }

    /// <summary>The key.</summary>
    public string Key => Stored.Key;

    /// <summary>The hash of the body that was refused.</summary>
    public string NewBodyHash { get; }

    private static string Describe(SeedanceJournalEntry stored, string newBodyHash) =>
        $"The journal already holds key \"{stored.Key}\" ({SeedanceJournalStates.ToText(stored.State)}{(stored.TaskId is null ? string.Empty : ", task " + stored.TaskId)}) with a different request body (SHA-256 {Short(stored.BodyHash)}…, now {Short(newBodyHash)}…). A key stands for one paid intent, so the changed request was not sent: give it a new key or batch name.";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
