using System;

namespace Seedance.Rules;

/// <summary>SEED0002: a quality the model does not take, such as <c>"1080p"</c>.</summary>
internal sealed class UnsupportedQualityRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0002", RuleSeverity.Error,
        "Quality not supported by the model",
        "Quality '{0}' is not supported by {1}; use one of: {2}",
        "Seedance 2.0 models take only the qualities in the model matrix (480p and 720p); 1080p is rejected.",
        FixTitle: "Use quality {0}");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { } spec || context.Facts.Quality is not { } quality || spec.SupportsQuality(quality)) return;
        context.Report(Info, RuleTarget.Quality, [quality, spec.Id, string.Join(", ", spec.Qualities)], new RuleFix.SetString(BestQuality(spec)));
    }

    /// <summary>The highest supported quality by its number ("720p" over "480p"); the default when none has a number.</summary>
    public static string BestQuality(ModelSpec spec)
    {
        string? best = null;
        var bestValue = -1;
        foreach (var quality in spec.Qualities)
        {
            var value = 0;
            var i = 0;
            while (i < quality.Length && quality[i] >= '0' && quality[i] <= '9' && i < 6) value = value * 10 + (quality[i++] - '0');
            if (i > 0 && value > bestValue)
            {
                best = quality;
                bestValue = value;
            }
        }
        return best ?? spec.DefaultQuality;
    }
}

internal static partial class RuleCatalog
{
    public static readonly UnsupportedQualityRule UnsupportedQuality = Add(new UnsupportedQualityRule());
}
