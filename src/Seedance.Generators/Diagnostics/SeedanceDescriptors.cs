using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Seedance.Rules;

namespace Seedance.Generators.Diagnostics;

/// <summary>
/// One descriptor per rule, built from the rule's own declaration (<see cref="RuleInfo"/>): nothing
/// about a rule is written here. AnalyzerReleases.*.md is checked against the same declarations by
/// RuleDeclarationTests, since release tracking cannot read IDs that are not literals at the call.
/// </summary>
internal static class SeedanceDescriptors
{
    public static readonly ImmutableArray<DiagnosticDescriptor> All = Build();

    /// <summary>The request rules, reported alike for C# requests and request files.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> RequestRules = All.RemoveAll(d => d.Id == RuleCatalog.InvalidMatrix.Info.Id);

    public static readonly DiagnosticDescriptor InvalidMatrix = For(RuleCatalog.InvalidMatrix.Info);

    /// <summary>The descriptor of <paramref name="rule"/>.</summary>
    public static DiagnosticDescriptor For(RuleInfo rule)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == rule.Id) return descriptor;
        }
        throw new System.ArgumentException("No descriptor for " + rule.Id, nameof(rule));
    }

    private static ImmutableArray<DiagnosticDescriptor> Build()
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(RuleCatalog.All.Length);
        foreach (var rule in RuleCatalog.All) builder.Add(Create(rule.Info));
        return builder.MoveToImmutable();
    }

#pragma warning disable RS1017 // The ID is a constant in the rule's own file; the catalogue hands it over.
    private static DiagnosticDescriptor Create(RuleInfo rule) => new(
        rule.Id, rule.Title, rule.MessageFormat, RuleInfo.Category, Severity(rule.Severity), isEnabledByDefault: true,
        rule.Description, rule.HelpLink, rule.ReportedAtCompilationEnd ? [WellKnownDiagnosticTags.CompilationEnd] : []);
#pragma warning restore RS1017

    private static DiagnosticSeverity Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
