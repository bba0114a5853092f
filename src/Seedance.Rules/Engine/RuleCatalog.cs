using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Seedance.Rules;

/// <summary>
/// Every rule, in ID order. A rule adds itself from its own file, with a field of this partial class
/// (<c>public static readonly TagSyntaxRule TagSyntax = Add(new TagSyntaxRule());</c>), so adding a rule
/// touches no list, and code that names one rule reads that field. No reflection: the runtime copy is
/// trimmed and AOT-compiled.
/// </summary>
internal static partial class RuleCatalog
{
    // No initializer: the parts' field initializers run in an unspecified order, and an initializer
    // here could run after (and wipe) the rules added before it.
    private static List<Rule>? s_added;

    private static readonly ImmutableArray<Rule> s_all;
    private static readonly ImmutableArray<RequestRule> s_request;

    // C# runs every part's field initializers (each rule's Add) before this body, so the list is whole.
    static RuleCatalog()
    {
        var sorted = (s_added ?? new List<Rule>()).ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Info.Id, b.Info.Id));
        s_all = ImmutableArray.Create(sorted);
        var request = ImmutableArray.CreateBuilder<RequestRule>();
        foreach (var rule in sorted)
        {
            if (rule is RequestRule check) request.Add(check);
        }
        s_request = request.ToImmutable();
        s_added = null;
    }

    /// <summary>Every rule, in ID order.</summary>
    public static ImmutableArray<Rule> All => s_all.IsDefault ? throw ReadTooEarly() : s_all;

    /// <summary>The rules checked against each request, in ID order.</summary>
    public static ImmutableArray<RequestRule> Request => s_request.IsDefault ? throw ReadTooEarly() : s_request;

    private static T Add<T>(T rule)
        where T : Rule
    {
        (s_added ??= new List<Rule>()).Add(rule);
        return rule;
    }

    // Only code run by a rule's own construction can get here: it would see a catalogue without the rules not yet added.
    private static InvalidOperationException ReadTooEarly() =>
        new("The rule catalogue was read while its rules were still being added: a rule's constructor or static field must not read RuleCatalog.");
}
