namespace Seedance.Rules;

/// <summary>SEED0006: more (or fewer) images, videos, audio clips or files in all than the model takes.</summary>
internal sealed class AssetCountRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0006", RuleSeverity.Error,
        "Asset count outside the model's range",
        "{0} takes {1}; the request attaches {2}",
        "Each model takes a range of images, videos and audio clips, and a total number of files.");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { } spec) return;
        var total = 0;
        var allKnown = true;
        // One diagnostic per mistake: three images on image-to-video break its image range, and the total
        // only because of that.
        var kindOutOfRange = false;
        for (var k = 0; k <= (int)AssetKind.Audio; k++)
        {
            var kind = (AssetKind)k;
            var assets = context.Facts.Assets(kind);
            var limits = spec.Limits(kind);
            if (!assets.IsKnown)
            {
                allKnown = false;
                continue;
            }
            total += assets.Count;
            if (assets.Count >= limits.Min && assets.Count <= limits.Max) continue;
            kindOutOfRange = true;
            context.Report(Info, RuleWording.TargetOf(kind), [spec.Id, RuleWording.RangeText(kind, limits), RuleWording.Counted(kind, assets.Count)]);
        }
        if (allKnown && !kindOutOfRange && total > spec.MaxTotalAssets && spec.MaxTotalAssets > 0)
        {
            context.Report(Info, RuleTarget.Request,
                [spec.Id, "at most " + RuleWording.Num(spec.MaxTotalAssets) + " files in all", RuleWording.Num(total) + " files"]);
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly AssetCountRule AssetCount = Add(new AssetCountRule());
}
