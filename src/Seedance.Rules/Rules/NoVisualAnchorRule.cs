namespace Seedance.Rules;

/// <summary>SEED0005: audio with neither an image nor a video, which reference-to-video rejects.</summary>
internal sealed class NoVisualAnchorRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0005", RuleSeverity.Error,
        "Audio without a visual anchor",
        "{0} rejects audio without at least one image or video as a visual anchor",
        "Audio-only reference requests are rejected: attach at least one image or one video.");

    public override void Check(RuleContext context)
    {
        var facts = context.Facts;
        if (context.Spec is not { RequireVisualAnchor: true } spec) return;
        if (facts.Audios.Count > 0 && facts.Images.Count == 0 && facts.Videos.Count == 0)
        {
            context.Report(Info, RuleTarget.Audios, [spec.Id]);
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly NoVisualAnchorRule NoVisualAnchor = Add(new NoVisualAnchorRule());
}
