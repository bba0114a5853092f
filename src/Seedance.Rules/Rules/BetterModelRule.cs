using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>SEED0012: reference-to-video where text-to-video (no assets) or image-to-video (one or two frames) fits.</summary>
internal sealed class BetterModelRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0012", RuleSeverity.Info,
        "A cheaper or better-suited model fits",
        "{0} fits this request: {1}",
        "Reference-to-video without assets is better served by text-to-video (cheaper); with only one or two images by image-to-video (dedicated first-frame optimisation).",
        FixTitle: "Switch to {0}");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { Family: ModelFamily.ReferenceToVideo } spec) return;
        var family = context.FittingFamily;
        if (family is null || family == ModelFamily.ReferenceToVideo) return;
        var better = context.Matrix.Find(family, spec.Tier);
        if (better is null) return;
        var facts = context.Facts;
        if (family == ModelFamily.ImageToVideo)
        {
            // One or two images are references (a character, a style) as often as frames: suggest
            // image-to-video only when the prompt treats them as frames or never names them.
            if (facts.Images.Count < better.Image.Min || facts.Prompt is not { } prompt || !facts.PromptIsComplete) return;
            if (!PromptScanner.MentionsFrames(prompt, new List<string>()) && MentionsImages(context.References)) return;
        }
        var why = family == ModelFamily.TextToVideo
            ? "with no reference assets, text-to-video is cheaper and simpler"
            : "with only " + RuleWording.Counted(AssetKind.Image, facts.Images.Count) + ", image-to-video has dedicated first-frame optimisation";
        context.Report(Info, RuleTarget.Model, ["'" + better.Id + "'", why], new RuleFix.SwitchModel(better.Id));
    }

    private static bool MentionsImages(IReadOnlyList<PromptReference> references)
    {
        foreach (var reference in references)
        {
            if (reference.Kind == AssetKind.Image) return true;
        }
        return false;
    }
}

internal static partial class RuleCatalog
{
    public static readonly BetterModelRule BetterModel = Add(new BetterModelRule());
}
