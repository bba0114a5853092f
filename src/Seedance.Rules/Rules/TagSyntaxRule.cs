namespace Seedance.Rules;

/// <summary>SEED0001: <c>@Image1</c>, <c>[Video2]</c>, <c>@视频1</c> and the other tag families, which the API sends as plain text.</summary>
internal sealed class TagSyntaxRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0001", RuleSeverity.Error,
        "Tag syntax in a prompt is not parsed by the API",
        "'{0}' is not Seedance syntax: the API sends it as plain text and ignores the reference; write \"{1}\"",
        "Seedance 2.0 has no @Image1/@Video1/@Audio1 or [Image1] tags. Refer to assets in plain language by kind and 1-based position: \"image 1\", \"video 2\", \"audio 1\".",
        FixTitle: "Write \"{0}\"");

    public override void Check(RuleContext context)
    {
        if (context.Facts.Prompt is not { } prompt) return;
        int chinesePrompt = -1;
        foreach (var reference in context.References)
        {
            if (reference.Form != ReferenceForm.Tag) continue;
            // The fix speaks the prompt's language: a Chinese tag, or any tag in a mostly Chinese prompt, becomes 视频1.
            if (!reference.ChineseKind && chinesePrompt < 0) chinesePrompt = PromptScanner.IsMostlyChinese(prompt) ? 1 : 0;
            var plain = PromptScanner.PlainText(reference, reference.ChineseKind || chinesePrompt == 1);
            context.Report(Info, RuleTarget.Prompt, -1, reference.Start, reference.Length,
                [prompt.Substring(reference.Start, reference.Length), plain], new RuleFix.Rewrite(plain));
        }
    }
}

internal static partial class RuleCatalog
{
    public static readonly TagSyntaxRule TagSyntax = Add(new TagSyntaxRule());
}
