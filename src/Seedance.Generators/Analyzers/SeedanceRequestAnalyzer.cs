using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Seedance.Generators.Analyzers.Facts;
using Seedance.Generators.Diagnostics;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// Checks requests written in C# (object creations and <c>with</c> expressions of request types, and
/// arguments of parameters marked with the Seedance attributes) with the shared rule engine, from the
/// constants the compiler can see. Rules whose facts are not compile-time constants stay silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SeedanceRequestAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SeedanceDescriptors.RequestRules;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!SeedanceUsage.MayUse(start.Compilation, start.CancellationToken)) return;
            var symbols = SeedanceSymbols.Create(start.Compilation);
            if (symbols is null) return;
            var matrix = AnalyzerMatrix.Get(start.Options.AdditionalFiles, start.CancellationToken).Model.Result.Matrix;
            // An invalid matrix is SEED0015's business; checking requests against nothing would only add noise.
            if (matrix is null) return;
            var outcomes = RuleOutcomeCache.For(matrix);

            start.RegisterOperationAction(
                context => Report(context, RequestSite.FromCreation(context.Operation, symbols), matrix, outcomes, symbols),
                OperationKind.ObjectCreation, OperationKind.With);
            start.RegisterOperationAction(
                context => Report(context, RequestSite.FromArguments((IInvocationOperation)context.Operation, symbols), matrix, outcomes, symbols),
                OperationKind.Invocation);
            if (symbols.Quality is not null || symbols.AspectRatio is not null)
            {
                start.RegisterOperationAction(context => AnalyzeConversion(context, symbols, matrix), OperationKind.Conversion);
            }
        });
    }

    private static void Report(OperationAnalysisContext context, RequestSite? site, ModelMatrix matrix, RuleOutcomeCache outcomes, SeedanceSymbols symbols)
    {
        if (site is null) return;
        if (!site.HasArms)
        {
            Report(context, site, matrix, outcomes, symbols, reported: null);
            return;
        }
        // Each arm of a conditional is a variant; a mistake the arms share is reported once.
        var reported = new HashSet<(string, TextSpan, string)>();
        foreach (var variant in site.Variants()) Report(context, variant, matrix, outcomes, symbols, reported);
    }

    private static void Report(OperationAnalysisContext context, RequestSite site, ModelMatrix matrix, RuleOutcomeCache outcomes, SeedanceSymbols symbols, HashSet<(string, TextSpan, string)>? reported)
    {
        var violations = outcomes.Check(site.Facts);
        foreach (var violation in violations)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var (location, properties, additional) = Locate(site, violation, matrix, symbols);
            if (reported is not null && !reported.Add((violation.Rule.Id, location.SourceSpan, violation.Message))) continue;
            context.ReportDiagnostic(Diagnostic.Create(SeedanceDescriptors.For(violation.Rule), location, additional, properties, violation.Args));
        }
    }

    /// <summary>
    /// <c>VideoQuality q = "1080p";</c>: a string converted to a setting outside any request. Inside a request
    /// the creation is analyzed with its model; here only a value that no model supports is reported.
    /// </summary>
    private static void AnalyzeConversion(OperationAnalysisContext context, SeedanceSymbols symbols, ModelMatrix matrix)
    {
        var conversion = (IConversionOperation)context.Operation;
        // Every conversion of the project passes here: the target type by reference first, then by name,
        // and only then the symbol comparison and the operator method, which cost more.
        var type = conversion.Type;
        RuleTarget kind;
        if (ReferenceEquals(type, symbols.Quality)) kind = RuleTarget.Quality;
        else if (ReferenceEquals(type, symbols.AspectRatio)) kind = RuleTarget.AspectRatio;
        else
        {
            if (type is null) return;
            var name = type.Name;
            if (name != "Nullable" && name != symbols.Quality?.Name && name != symbols.AspectRatio?.Name) return;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
            if (SymbolEqualityComparer.Default.Equals(type, symbols.Quality)) kind = RuleTarget.Quality;
            else if (SymbolEqualityComparer.Default.Equals(type, symbols.AspectRatio)) kind = RuleTarget.AspectRatio;
            else return;
        }
        if (conversion.Operand.ConstantValue is not { HasValue: true, Value: string value }) return;
        if (!SymbolEqualityComparer.Default.Equals(conversion.OperatorMethod?.ContainingType, type)) return;
        if (IsPartOfRequest(conversion)) return;

        var violations = new List<RuleViolation>(1);
        RequestRules.CheckSetting(matrix, kind, value, violations);
        foreach (var violation in violations)
        {
            var properties = FixProperties.Create(FixEdit.ForValue(violation.Rule, violation.Fix), atAdditionalLocations: false);
            context.ReportDiagnostic(Diagnostic.Create(SeedanceDescriptors.For(violation.Rule), conversion.Operand.Syntax.GetLocation(), properties, violation.Args));
        }
    }

    /// <summary>An initializer assignment or a constructor/call argument: the request's own analysis covers it.</summary>
    private static bool IsPartOfRequest(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation) parent = parent.Parent;
        return parent is IArgumentOperation
            || (parent is ISimpleAssignmentOperation && parent.Parent is IObjectOrCollectionInitializerOperation);
    }

    private static (Location Location, ImmutableDictionary<string, string?> Properties, IEnumerable<Location>? Additional) Locate(RequestSite site, RuleViolation violation, ModelMatrix matrix, SeedanceSymbols symbols)
    {
        var none = ImmutableDictionary<string, string?>.Empty;
        if (violation.Target == RuleTarget.Prompt && site.Prompt is { } prompt)
        {
            var location = prompt.Locate(violation.Start, violation.Length);
            switch (violation.Fix)
            {
                case RuleFix.Rewrite rewrite:
                    var fix = FixEdit.Titled(violation.Rule, rewrite.Text, rewrite.Text);
                    if (prompt.IsExact(violation.Start, violation.Length)) return (location, FixProperties.Create(fix), null);
                    // A tag in a constant or readonly prompt: fixed where it is declared, if the request is its one use.
                    if (prompt.LocateInDeclaration(violation.Start, violation.Length, out var variable, out var use) is { } declared && Declarations.IsOnlyUse(variable!, use!))
                    {
                        return (location, FixProperties.Create(fix, atAdditionalLocations: true), [declared]);
                    }
                    break;
                case RuleFix.StraightQuotes when prompt.QuoteWithin(violation.Start, violation.Length) is { } quote:
                    Location[] quotes = [prompt.Locate(violation.Start, 1), prompt.Locate(violation.Start + violation.Length - 1, 1)];
                    return (location, FixProperties.Create(FixEdit.Titled(violation.Rule, quote, quote), atAdditionalLocations: true), quotes);
            }
            return (location, none, null);
        }

        switch (violation.Target)
        {
            case RuleTarget.Model:
                if (violation.Fix is RuleFix.ChooseModel)
                {
                    return FixAt(site.ModelSource, site.ModelValue ?? site.Whole, FixEdit.ForValue(violation.Rule, violation.Fix));
                }
                if (violation.Fix is RuleFix.SwitchModel switchTo && matrix.Find(switchTo.Id) is { } better)
                {
                    if (site.ModelValue is { } modelValue) return FixAt(site.ModelSource, modelValue, FixEdit.ForValue(violation.Rule, violation.Fix));
                    // The model is in the request's type: the fix names the better model's type instead.
                    var typeName = better.Name + "Request";
                    if (site.TypeName is { } typeSyntax && site.RequestType is { } type && BetterTypeExists(symbols, type, typeName))
                    {
                        return (typeSyntax.GetLocation(), FixProperties.Create(FixEdit.Titled(violation.Rule, typeName, typeName)), null);
                    }
                    return ((site.TypeName ?? site.Whole).GetLocation(), none, null);
                }
                return ((site.ModelValue ?? site.TypeName ?? site.Whole).GetLocation(), none, null);

            case RuleTarget.Quality:
                return FixAt(site.QualitySource, site.Quality ?? site.Whole, FixEdit.ForValue(violation.Rule, violation.Fix));

            case RuleTarget.Duration:
                return FixAt(site.DurationSource, site.Duration ?? site.Whole, FixEdit.ForValue(violation.Rule, violation.Fix));

            case RuleTarget.AspectRatio:
                return ((site.AspectRatio ?? site.Whole).GetLocation(), none, null);

            case RuleTarget.Images or RuleTarget.Videos or RuleTarget.Audios:
                var kind = violation.Target == RuleTarget.Images ? AssetKind.Image : violation.Target == RuleTarget.Videos ? AssetKind.Video : AssetKind.Audio;
                return ((violation.Index >= 0 ? site.AssetElement(kind, violation.Index) : site.AssetList(kind)).GetLocation(), none, null);

            default:
                return ((site.TypeName ?? site.Whole).GetLocation(), none, null);
        }
    }

    /// <summary>
    /// Fixes written where the value is: in place when the request writes it, at the declaration of the
    /// const or readonly variable it reads when the request is that variable's one use, and not at all
    /// otherwise (a fix at the use would leave the constant unused, or change what other code reads).
    /// </summary>
    private static (Location Location, ImmutableDictionary<string, string?> Properties, IEnumerable<Location>? Additional) FixAt(
        ISymbol? variable, SyntaxNode use, IReadOnlyList<FixEdit> fixes)
    {
        if (fixes.Count == 0) return (use.GetLocation(), ImmutableDictionary<string, string?>.Empty, null);
        if (variable is null) return (use.GetLocation(), FixProperties.Create(fixes, atAdditionalLocations: false), null);
        if (Declarations.Literal(variable) is { } literal && Declarations.IsOnlyUse(variable, use))
        {
            return (use.GetLocation(), FixProperties.Create(fixes, atAdditionalLocations: true), [literal.GetLocation()]);
        }
        return (use.GetLocation(), ImmutableDictionary<string, string?>.Empty, null);
    }

    private static bool BetterTypeExists(SeedanceSymbols symbols, INamedTypeSymbol current, string name)
    {
        var ns = current.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() + "." : string.Empty;
        return symbols.Compilation.GetTypeByMetadataName(ns + name) is { } type && symbols.ModelOf(type) is not null;
    }

}
