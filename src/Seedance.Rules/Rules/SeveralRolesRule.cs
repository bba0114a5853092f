using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>SEED0014: one asset made the first frame, the character and the style at once.</summary>
internal sealed class SeveralRolesRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0014", RuleSeverity.Warning,
        "One asset given several roles",
        "{0} is given {1} roles ({2}); give each asset one primary role",
        "Making a single asset the first frame, the character and the style at once confuses the model.");

    public override void Check(RuleContext context)
    {
        if (context.Facts.Prompt is not { } prompt) return;
        var references = context.References;
        List<string>? roles = null;
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            if (reference.Form is not (ReferenceForm.Position or ReferenceForm.Ordinal)) continue;
            // An asset's roles are the ones named between it and the next reference.
            var limit = i + 1 < references.Count ? references[i + 1].Start : prompt.Length;
            if (PromptScanner.CountRoles(prompt, reference.End, limit, roles ??= new List<string>()) < 2) continue;
            context.Report(Info, RuleTarget.Prompt, -1, reference.Start, reference.Length,
                [RuleWording.PlainName(reference.Kind, reference.Number), RuleWording.Num(roles.Count), string.Join(", ", roles)]);
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly SeveralRolesRule SeveralRoles = Add(new SeveralRolesRule());
}
