using System;

namespace Seedance;

/// <summary>Which journaled submissions a keyed call may send again. By default none: a key is paid for at most once.</summary>
[Flags]
public enum SeedanceResubmit
{
    /// <summary>Never send a key again: completed ones are returned, acknowledged ones polled, the rest reported.</summary>
    None = 0,

    /// <summary>Send again a key whose task failed or was cancelled at the API.</summary>
    Failed = 1,

    /// <summary>
    /// Send again a key left <c>sending</c> or <c>outcome-unknown</c>. The first call may have created a task that is
    /// charged: opt in only when you have checked that it did not, or accept paying twice.
    /// </summary>
    OutcomeUnknown = 2,
}
