namespace Seedance.Rules;

/// <summary>SEED0009: an aspect ratio the model does not take.</summary>
internal sealed class UnsupportedAspectRatioRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0009", RuleSeverity.Error,
        "Aspect ratio not supported by the model",
        "Aspect ratio '{0}' is not supported by {1}; use one of: {2}",
        "Each model takes only the aspect ratios in the model matrix.");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { } spec || context.Facts.AspectRatio is not { } ratio || spec.SupportsAspectRatio(ratio)) return;
        context.Report(Info, RuleTarget.AspectRatio, [ratio, spec.Id, string.Join(", ", spec.AspectRatios)]);
    }
}

internal static partial class RuleCatalog
{
    public static readonly UnsupportedAspectRatioRule UnsupportedAspectRatio = Add(new UnsupportedAspectRatioRule());
}
