using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>SEED0013: dialogue in curly, single or CJK quotes, which the model reads as scenery instead of speaking.</summary>
internal sealed class UnspokenDialogueRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0013", RuleSeverity.Warning,
        "Dialogue in quotes that are not spoken",
        "Dialogue in {0} is not spoken: the API speaks only text inside straight double quotes",
        "With generate_audio, the model speaks text inside straight double quotes (\"...\"); curly or single quotes are read as scenery.",
        FixTitle: "Use straight double quotes so the line is spoken");

    public override void Check(RuleContext context)
    {
        if (context.Facts.Prompt is not { } prompt) return;
        List<QuotedPassage>? passages = null;
        PromptScanner.FindUnspokenDialogue(prompt, ref passages);
        if (passages is null) return;
        foreach (var passage in passages)
        {
            context.Report(Info, RuleTarget.Prompt, -1, passage.Open, passage.Length, [passage.QuoteName], RuleFix.StraightQuotes.Instance);
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly UnspokenDialogueRule UnspokenDialogue = Add(new UnspokenDialogueRule());
}
