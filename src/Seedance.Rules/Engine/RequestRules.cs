using System;
using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>
/// Runs the request rules for every front end: analyzers (facts from constants), the
/// <c>*.seedance.json</c> checker and run-time validation. No I/O, no shared state, no exception on any
/// input; violations are appended to the caller's list.
/// </summary>
internal static class RequestRules
{
    public static void Check(ModelMatrix matrix, RequestFacts facts, List<RuleViolation> violations)
    {
        var context = new RuleContext(matrix, facts, violations);
        foreach (var rule in RuleCatalog.Request) rule.Check(context);
    }

    /// <summary>
    /// A quality or aspect ratio written where no model is known yet (<c>VideoQuality q = "1080p";</c>):
    /// reported only when no model of the matrix supports it.
    /// </summary>
    public static void CheckSetting(ModelMatrix matrix, RuleTarget target, string value, List<RuleViolation> violations)
    {
        var supported = new List<string>();
        string? best = null;
        foreach (var model in matrix.Models)
        {
            var values = target == RuleTarget.Quality ? model.Qualities : model.AspectRatios;
            foreach (var v in values)
            {
                if (string.Equals(v, value, StringComparison.Ordinal)) return;
                if (!supported.Contains(v)) supported.Add(v);
            }
            if (target == RuleTarget.Quality) best ??= UnsupportedQualityRule.BestQuality(model);
        }
        if (supported.Count == 0) return;
        var rule = target == RuleTarget.Quality ? RuleCatalog.UnsupportedQuality.Info : RuleCatalog.UnsupportedAspectRatio.Info;
        violations.Add(new RuleViolation(rule, target, -1, -1, -1, [value, "any model of the matrix", string.Join(", ", supported)],
            best is null ? null : new RuleFix.SetString(best)));
    }
}
