namespace Seedance.Rules;

/// <summary>SEED0007: a duration outside the model's range of whole seconds.</summary>
internal sealed class DurationOutOfRangeRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0007", RuleSeverity.Error,
        "Duration outside the model's range",
        "Duration {0} s is outside the {1}–{2} s that {3} takes",
        "Every model takes a duration range in whole seconds.",
        FixTitle: "Use duration {0}");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { } spec || context.Facts.Duration is not { } duration) return;
        if (duration >= spec.MinDuration && duration <= spec.MaxDuration) return;
        var nearest = duration < spec.MinDuration ? spec.MinDuration : spec.MaxDuration;
        context.Report(Info, RuleTarget.Duration,
            [RuleWording.Num(duration), RuleWording.Num(spec.MinDuration), RuleWording.Num(spec.MaxDuration), spec.Id], new RuleFix.SetNumber(nearest));
    }
}

internal static partial class RuleCatalog
{
    public static readonly DurationOutOfRangeRule DurationOutOfRange = Add(new DurationOutOfRangeRule());
}
