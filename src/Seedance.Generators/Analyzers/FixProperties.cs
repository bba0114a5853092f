using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers;

/// <summary>A code fix as the analyzer computed it: its title and the source text it writes.</summary>
internal readonly record struct FixEdit(string Title, string Text)
{
    /// <summary>A fix titled by its rule's declaration, showing <paramref name="shown"/>, that writes <paramref name="text"/>.</summary>
    public static FixEdit Titled(RuleInfo rule, string shown, string text) =>
        new(string.Format(CultureInfo.InvariantCulture, rule.FixTitle ?? "{0}", shown), text);

    /// <summary>
    /// The fixes that write a value as a C# literal over the expression that gives it: each model ID to
    /// choose from, the model to switch to, a quality, a duration. Empty for a fix of a prompt span.
    /// </summary>
    public static IReadOnlyList<FixEdit> ForValue(RuleInfo rule, RuleFix? fix)
    {
        switch (fix)
        {
            case RuleFix.ChooseModel choose:
                var choices = new List<FixEdit>(choose.Ids.Count);
                foreach (var id in choose.Ids) choices.Add(Titled(rule, id, Literal(id)));
                return choices;
            case RuleFix.SwitchModel switchTo:
                return [Titled(rule, switchTo.Id, Literal(switchTo.Id))];
            case RuleFix.SetString set:
                return [Titled(rule, Literal(set.Value), Literal(set.Value))];
            case RuleFix.SetNumber number:
                var digits = number.Value.ToString(CultureInfo.InvariantCulture);
                return [Titled(rule, digits, digits)];
            default:
                return [];
        }
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}

/// <summary>
/// How a diagnostic carries its fixes to the code-fix provider, which can only read strings from
/// <c>Diagnostic.Properties</c>: written here by the analyzer and read back here by the fixer, so the
/// encoding lives in one place. Each fix replaces the diagnostic's span, or each of its additional
/// locations (a constant's declaration; the two quote characters of a passage).
/// </summary>
internal static class FixProperties
{
    private const string TitleKey = "Fix.Title.";
    private const string TextKey = "Fix.Text.";
    private const string AtAdditionalLocationsKey = "Fix.AtAdditionalLocations";

    public static ImmutableDictionary<string, string?> Create(IReadOnlyList<FixEdit> fixes, bool atAdditionalLocations)
    {
        if (fixes.Count == 0) return ImmutableDictionary<string, string?>.Empty;
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < fixes.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            builder[TitleKey + index] = fixes[i].Title;
            builder[TextKey + index] = fixes[i].Text;
        }
        if (atAdditionalLocations) builder[AtAdditionalLocationsKey] = "true";
        return builder.ToImmutable();
    }

    public static ImmutableDictionary<string, string?> Create(FixEdit fix, bool atAdditionalLocations = false) => Create([fix], atAdditionalLocations);

    /// <summary>The fixes in order, the preferred one first; empty when the diagnostic has none.</summary>
    public static List<FixEdit> Read(ImmutableDictionary<string, string?> properties, out bool atAdditionalLocations)
    {
        atAdditionalLocations = properties.ContainsKey(AtAdditionalLocationsKey);
        var fixes = new List<FixEdit>();
        for (var i = 0; ; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            if (!properties.TryGetValue(TitleKey + index, out var title) || title is null
                || !properties.TryGetValue(TextKey + index, out var text) || text is null)
            {
                return fixes;
            }
            fixes.Add(new FixEdit(title, text));
        }
    }
}
