using System.Collections.Generic;

namespace Seedance.Rules;

internal enum RuleSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A rule's declaration: what it is called, how it reads and how bad it is. Analyzer descriptors,
/// run-time messages, the code fixes' titles and the rule tables all come from here.
/// </summary>
/// <param name="FixTitle">The code fix's title, with <c>{0}</c> for what it writes; null when the rule has no fix.</param>
/// <param name="ReportedAtCompilationEnd">Reported once per compilation rather than per request (the matrix rule).</param>
internal sealed record RuleInfo(
    string Id,
    RuleSeverity Severity,
    string Title,
    string MessageFormat,
    string Description,
    string? FixTitle = null,
    bool ReportedAtCompilationEnd = false)
{
    public const string Category = "Seedance";

    /// <summary>The rule's page in the repository; the package's help links point here.</summary>
    public string HelpLink => "https://github.com/seedance-generators/Seedance.Generators/blob/main/docs/rules/" + Id + ".md";
}

/// <summary>
/// One rule: its declaration, and (for a request rule) its check. Each rule lives in its own file under
/// <c>Rules/</c> and adds itself to <see cref="RuleCatalog"/> there.
/// </summary>
internal abstract class Rule(RuleInfo info)
{
    public RuleInfo Info { get; } = info;
}

/// <summary>A rule checked against every request, by every front end.</summary>
internal abstract class RequestRule(RuleInfo info) : Rule(info)
{
    /// <summary>Reports what the context's request breaks; silent where a fact it needs is unknown.</summary>
    public abstract void Check(RuleContext context);
}

/// <summary>
/// What a violation's code fix writes, in the rule's terms. The C# analyzer turns it into an edit where
/// the value is written; the JSON and run-time front ends do not use it.
/// </summary>
internal abstract record RuleFix
{
    private RuleFix()
    {
    }

    /// <summary>The prompt span becomes this plain text (a tag written the way the API reads it).</summary>
    public sealed record Rewrite(string Text) : RuleFix;

    /// <summary>The setting becomes this string value (a quality).</summary>
    public sealed record SetString(string Value) : RuleFix;

    /// <summary>The setting becomes this number (a duration).</summary>
    public sealed record SetNumber(int Value) : RuleFix;

    /// <summary>The model ID becomes one of these, best first; each is a fix of its own.</summary>
    public sealed record ChooseModel(IReadOnlyList<string> Ids) : RuleFix;

    /// <summary>The request moves to this model: its ID, or its request type when the type names the model.</summary>
    public sealed record SwitchModel(string Id) : RuleFix;

    /// <summary>The passage's quotes become straight double quotes.</summary>
    public sealed record StraightQuotes : RuleFix
    {
        public static readonly StraightQuotes Instance = new();
    }
}
