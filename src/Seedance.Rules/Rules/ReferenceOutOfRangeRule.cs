namespace Seedance.Rules;

/// <summary>SEED0004: "image 3", "the second video" or 三张参考图 beyond the assets the request attaches.</summary>
internal sealed class ReferenceOutOfRangeRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0004", RuleSeverity.Error,
        "Prompt refers to an asset that is not attached",
        "The prompt refers to {0}, but the request attaches {1}",
        "Assets are referred to by kind and 1-based position in their own array: \"image 3\" needs at least three image URLs.");

    public override void Check(RuleContext context)
    {
        foreach (var reference in context.References)
        {
            // A tag is SEED0001's alone: its fix rewrites it, and a second diagnostic on it would only repeat the first.
            if (reference.Form is not (ReferenceForm.Position or ReferenceForm.Ordinal or ReferenceForm.Count)) continue;
            var assets = context.Facts.Assets(reference.Kind);
            if (!assets.IsKnown || reference.Number <= assets.Count) continue;
            var what = reference.Form == ReferenceForm.Count
                ? RuleWording.Counted(reference.Kind, reference.Number)
                : RuleWording.PlainName(reference.Kind, reference.Number);
            context.Report(Info, RuleTarget.Prompt, -1, reference.Start, reference.Length, [what, RuleWording.Counted(reference.Kind, assets.Count)]);
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly ReferenceOutOfRangeRule ReferenceOutOfRange = Add(new ReferenceOutOfRangeRule());
}
