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

    private static ImmutableArray<Rule> s_all;
    private static ImmutableArray<RequestRule> s_request;

    /// <summary>Every rule, in ID order.</summary>
    public static ImmutableArray<Rule> All
    {
        get
        {
            if (s_all.IsDefault) Seal();
            return s_all;
        }
    }

    /// <summary>The rules checked against each request, in ID order.</summary>
    public static ImmutableArray<RequestRule> Request
    {
        get
        {
            if (s_request.IsDefault) Seal();
            return s_request;
        }
    }

    private static T Add<T>(T rule)
        where T : Rule
    {
        (s_added ??= new List<Rule>()).Add(rule);
        return rule;
    }

    // Reading a static member runs every part's field initializers first, so all rules have been added.
    private static void Seal()
    {
        var added = s_added ?? new List<Rule>();
        var sorted = added.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Info.Id, b.Info.Id));
        var request = ImmutableArray.CreateBuilder<RequestRule>();
        foreach (var rule in sorted)
        {
            if (rule is RequestRule check) request.Add(check);
        }
        ImmutableInterlocked.InterlockedInitialize(ref s_request, request.ToImmutable());
        ImmutableInterlocked.InterlockedInitialize(ref s_all, ImmutableArray.Create(sorted));
    }
}
