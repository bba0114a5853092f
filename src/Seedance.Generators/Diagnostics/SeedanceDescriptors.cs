using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Seedance.Rules;

namespace Seedance.Generators.Diagnostics;

/// <summary>
/// The diagnostic descriptors, one per rule. Titles and messages come from the shared
/// <see cref="RuleCatalog"/> (the runtime's messages use the same text); IDs, category and severity are
/// constants here so that release tracking (RS2008) can read them.
/// </summary>
internal static class SeedanceDescriptors
{
    public const string Category = "Seedance";

    /// <summary>The one place that builds help links: <c>docs/rules/&lt;ID&gt;.md</c> in the repository.</summary>
    public static string HelpLink(string id) => "https://github.com/seedance-generators/Seedance.Generators/blob/main/docs/rules/" + id + ".md";

    public static readonly DiagnosticDescriptor TagSyntax = new(
        RuleIds.TagSyntax, RuleCatalog.TagSyntax.Title, RuleCatalog.TagSyntax.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.TagSyntax.Description, HelpLink(RuleIds.TagSyntax));

    public static readonly DiagnosticDescriptor UnsupportedQuality = new(
        RuleIds.UnsupportedQuality, RuleCatalog.UnsupportedQuality.Title, RuleCatalog.UnsupportedQuality.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.UnsupportedQuality.Description, HelpLink(RuleIds.UnsupportedQuality));

    public static readonly DiagnosticDescriptor UnknownModel = new(
        RuleIds.UnknownModel, RuleCatalog.UnknownModel.Title, RuleCatalog.UnknownModel.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.UnknownModel.Description, HelpLink(RuleIds.UnknownModel));

    public static readonly DiagnosticDescriptor ReferenceOutOfRange = new(
        RuleIds.ReferenceOutOfRange, RuleCatalog.ReferenceOutOfRange.Title, RuleCatalog.ReferenceOutOfRange.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.ReferenceOutOfRange.Description, HelpLink(RuleIds.ReferenceOutOfRange));

    public static readonly DiagnosticDescriptor NoVisualAnchor = new(
        RuleIds.NoVisualAnchor, RuleCatalog.NoVisualAnchor.Title, RuleCatalog.NoVisualAnchor.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.NoVisualAnchor.Description, HelpLink(RuleIds.NoVisualAnchor));

    public static readonly DiagnosticDescriptor AssetCount = new(
        RuleIds.AssetCount, RuleCatalog.AssetCount.Title, RuleCatalog.AssetCount.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.AssetCount.Description, HelpLink(RuleIds.AssetCount));

    public static readonly DiagnosticDescriptor DurationOutOfRange = new(
        RuleIds.DurationOutOfRange, RuleCatalog.DurationOutOfRange.Title, RuleCatalog.DurationOutOfRange.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.DurationOutOfRange.Description, HelpLink(RuleIds.DurationOutOfRange));

    public static readonly DiagnosticDescriptor PromptTooLong = new(
        RuleIds.PromptTooLong, RuleCatalog.PromptTooLong.Title, RuleCatalog.PromptTooLong.MessageFormat, Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.PromptTooLong.Description, HelpLink(RuleIds.PromptTooLong));

    public static readonly DiagnosticDescriptor UnsupportedAspectRatio = new(
        RuleIds.UnsupportedAspectRatio, RuleCatalog.UnsupportedAspectRatio.Title, RuleCatalog.UnsupportedAspectRatio.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.UnsupportedAspectRatio.Description, HelpLink(RuleIds.UnsupportedAspectRatio));

    public static readonly DiagnosticDescriptor UnsupportedAssetUrl = new(
        RuleIds.UnsupportedAssetUrl, RuleCatalog.UnsupportedAssetUrl.Title, RuleCatalog.UnsupportedAssetUrl.MessageFormat, Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.UnsupportedAssetUrl.Description, HelpLink(RuleIds.UnsupportedAssetUrl));

    public static readonly DiagnosticDescriptor UnreferencedAsset = new(
        RuleIds.UnreferencedAsset, RuleCatalog.UnreferencedAsset.Title, RuleCatalog.UnreferencedAsset.MessageFormat, Category,
        DiagnosticSeverity.Info, isEnabledByDefault: true, RuleCatalog.UnreferencedAsset.Description, HelpLink(RuleIds.UnreferencedAsset));

    public static readonly DiagnosticDescriptor BetterModel = new(
        RuleIds.BetterModel, RuleCatalog.BetterModel.Title, RuleCatalog.BetterModel.MessageFormat, Category,
        DiagnosticSeverity.Info, isEnabledByDefault: true, RuleCatalog.BetterModel.Description, HelpLink(RuleIds.BetterModel));

    public static readonly DiagnosticDescriptor UnspokenDialogue = new(
        RuleIds.UnspokenDialogue, RuleCatalog.UnspokenDialogue.Title, RuleCatalog.UnspokenDialogue.MessageFormat, Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.UnspokenDialogue.Description, HelpLink(RuleIds.UnspokenDialogue));

    public static readonly DiagnosticDescriptor SeveralRoles = new(
        RuleIds.SeveralRoles, RuleCatalog.SeveralRoles.Title, RuleCatalog.SeveralRoles.MessageFormat, Category,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, RuleCatalog.SeveralRoles.Description, HelpLink(RuleIds.SeveralRoles));

    public static readonly DiagnosticDescriptor InvalidMatrix = new(
        RuleIds.InvalidMatrix, RuleCatalog.InvalidMatrix.Title, RuleCatalog.InvalidMatrix.MessageFormat, Category,
        DiagnosticSeverity.Error, isEnabledByDefault: true, RuleCatalog.InvalidMatrix.Description, HelpLink(RuleIds.InvalidMatrix),
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        TagSyntax, UnsupportedQuality, UnknownModel, ReferenceOutOfRange, NoVisualAnchor, AssetCount, DurationOutOfRange, PromptTooLong, UnsupportedAspectRatio, UnsupportedAssetUrl, UnreferencedAsset, BetterModel, UnspokenDialogue, SeveralRoles, InvalidMatrix);

    /// <summary>The request rules (SEED0001–SEED0014), reported alike for C# requests and request files.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> RequestRules = All.Remove(InvalidMatrix);

    /// <summary>The descriptor of <paramref name="rule"/>.</summary>
    public static DiagnosticDescriptor For(RuleInfo rule)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == rule.Id) return descriptor;
        }
        return InvalidMatrix;
    }
}
