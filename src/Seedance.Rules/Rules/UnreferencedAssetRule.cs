using System;

namespace Seedance.Rules;

/// <summary>SEED0011: the prompt names images 1 and 3 by position, and never image 2.</summary>
internal sealed class UnreferencedAssetRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0011", RuleSeverity.Info,
        "Attached asset never referred to by the prompt",
        "{0} is attached but the prompt never refers to it",
        "The prompt names other assets of the same kind by position but not this one, so the model is left to guess its role.");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { } spec || context.Facts.Prompt is null || !context.Facts.PromptIsComplete) return;
        for (var k = 0; k <= (int)AssetKind.Audio; k++)
        {
            var kind = (AssetKind)k;
            var assets = context.Facts.Assets(kind);
            // Models whose assets have fixed roles by position (first frame, last frame) need no naming.
            if (assets.Count < 2 || spec.Limits(kind).PositionalRoles.Count > 0) continue;
            ulong named = 0;
            var anyPosition = false;
            var collective = false;
            foreach (var reference in context.References)
            {
                if (reference.Kind != kind) continue;
                if (reference.NamesPosition)
                {
                    anyPosition = true;
                    var last = Math.Max(reference.Number, reference.LastNumber);
                    for (var n = reference.Number; n <= last && n <= 64; n++) named |= 1UL << (n - 1);
                }
                else
                {
                    collective = true;
                }
            }
            // "The images" names them all; a prompt that names none by position leaves them to the model on purpose.
            if (!anyPosition || collective) continue;
            for (var i = 0; i < assets.Count && i < 64; i++)
            {
                if ((named & (1UL << i)) != 0) continue;
                context.Report(Info, RuleWording.TargetOf(kind), i, -1, -1, [RuleWording.Capitalize(RuleWording.PlainName(kind, i + 1))]);
            }
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly UnreferencedAssetRule UnreferencedAsset = Add(new UnreferencedAssetRule());
}
