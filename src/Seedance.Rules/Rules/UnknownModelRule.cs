using System;
using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>SEED0003: a model ID that is not in the matrix, such as the retired bare <c>"seedance-2.0"</c>.</summary>
internal sealed class UnknownModelRule() : RequestRule(Declaration)
{
    private const string RetiredPlaceholder = "seedance-2.0";

    private static readonly RuleInfo Declaration = new(
        "SEED0003", RuleSeverity.Error,
        "Unknown model ID",
        "'{0}' is not a known model ID{1}; use a full ID such as {2}",
        "The model ID chooses the mode and there is no auto-detection. The bare \"seedance-2.0\" is a retired placeholder.",
        FixTitle: "Use model '{0}'");

    public override void Check(RuleContext context)
    {
        if (context.Facts.ModelId is not { } id || context.Spec is not null) return;
        context.Add(Violation(context.Matrix, id, context.FittingFamily));
    }

    /// <summary>
    /// SEED0003 for <paramref name="id"/>, with the IDs to offer as fixes (for a request, and for
    /// <c>[SeedanceClient(Models = …)]</c>, where the family is not known).
    /// </summary>
    public RuleViolation Violation(ModelMatrix matrix, string id, string? family)
    {
        var candidates = Candidates(matrix, id, family);
        var note = id == RetiredPlaceholder ? " (the bare \"seedance-2.0\" is a retired placeholder)" : string.Empty;
        var example = candidates.Count > 0 ? "\"" + candidates[0] + "\"" : "one from the model matrix";
        return new RuleViolation(Info, RuleTarget.Model, -1, -1, -1, [id, note, example], candidates.Count > 0 ? new RuleFix.ChooseModel(candidates) : null);
    }

    /// <summary>
    /// The IDs a fix offers, best first: the nearest known ID by edit distance when the unknown one reads
    /// as its typo ("…reference-to-vidoe"), then each available model of the fitting family (all
    /// available models when the family is unknown).
    /// </summary>
    public static List<string> Candidates(ModelMatrix matrix, string id, string? family)
    {
        var candidates = new List<string>();
        string? nearest = null;
        var best = int.MaxValue;
        foreach (var model in matrix.Models)
        {
            var distance = EditDistance(id, model.Id);
            if (distance < best) { best = distance; nearest = model.Id; }
        }
        // A typo is a few edits away; "seedance-2.0" is a whole suffix away from every ID, so the fitting family leads.
        if (nearest is not null && best <= Math.Max(2, nearest.Length / 6)) candidates.Add(nearest);
        foreach (var model in matrix.Models)
        {
            if (model.Status == ModelStatus.Available && (family is null || model.Family == family) && !candidates.Contains(model.Id)) candidates.Add(model.Id);
        }
        if (candidates.Count == 0)
        {
            foreach (var model in matrix.Models) candidates.Add(model.Id);
        }
        return candidates;
    }

    /// <summary>Levenshtein distance, ignoring ASCII case; two rows, no recursion.</summary>
    public static int EditDistance(string a, string b)
    {
        if (a.Length > 256 || b.Length > 256) return int.MaxValue;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var ca = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = ca == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

internal static partial class RuleCatalog
{
    public static readonly UnknownModelRule UnknownModel = Add(new UnknownModelRule());
}
