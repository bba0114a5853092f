namespace Seedance.Rules;

/// <summary>SEED0008: a prompt over the model's limit of English words or Chinese characters.</summary>
internal sealed class PromptTooLongRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0008", RuleSeverity.Warning,
        "Prompt over the length limit",
        "The prompt has {0} {1}; {2} takes at most {3}",
        "Prompts are limited to 1000 English words or 500 Chinese characters.");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { } spec || context.Facts.Prompt is not { } prompt || !context.Facts.PromptIsComplete) return;
        PromptScanner.MeasureLength(prompt, spec.MaxEnglishWords, spec.MaxChineseCharacters, out var words, out var chinese, out var wordsAt, out var chineseAt);
        // The squiggle starts where the limit is passed: what follows is what the model will not read.
        if (wordsAt >= 0)
        {
            context.Report(Info, RuleTarget.Prompt, -1, wordsAt, prompt.Length - wordsAt,
                [RuleWording.Num(words), "English words", spec.Id, RuleWording.Num(spec.MaxEnglishWords) + " words"]);
        }
        else if (chineseAt >= 0)
        {
            context.Report(Info, RuleTarget.Prompt, -1, chineseAt, prompt.Length - chineseAt,
                [RuleWording.Num(chinese), "Chinese characters", spec.Id, RuleWording.Num(spec.MaxChineseCharacters) + " Chinese characters"]);
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly PromptTooLongRule PromptTooLong = Add(new PromptTooLongRule());
}
