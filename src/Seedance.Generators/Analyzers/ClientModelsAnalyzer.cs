using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Seedance.Generators.Analyzers.Facts;
using Seedance.Generators.Diagnostics;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// SEED0003 in <c>[SeedanceClient(Models = …)]</c>: each ID the matrix does not know, on its own string,
/// with the nearest known ID as the fix. Without it, a typo silently leaves the client without that model's
/// methods (a list of unknown IDs only, without any). An empty list means every model, as in the generator.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientModelsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SeedanceDescriptors.For(RuleCatalog.UnknownModel.Info));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!SeedanceUsage.MayUse(start.Compilation, start.CancellationToken)) return;
            if (SeedanceSymbols.FindType(start.Compilation, "Seedance.SeedanceClientAttribute") is not { } attribute) return;
            var matrix = AnalyzerMatrix.Get(start.Options.AdditionalFiles, start.CancellationToken).Model.Result.Matrix;
            if (matrix is null) return;
            start.RegisterSymbolAction(context => Analyze(context, attribute, matrix), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType, ModelMatrix matrix)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) continue;
            if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax) continue;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key != "Models" || argument.Value.Kind != TypedConstantKind.Array || argument.Value.IsNull) continue;
                var written = ModelsArgument(syntax);
                var elements = written is null ? null : Elements(written.Expression);
                var values = argument.Value.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i].Value is not string id || matrix.Find(id) is not null) continue;
                    var location = elements is not null && i < elements.Count ? elements[i].GetLocation() : (written ?? (SyntaxNode)syntax).GetLocation();
                    Report(context, RuleCatalog.UnknownModel.Violation(matrix, id, family: null), location);
                }
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, RuleViolation violation, Location location)
    {
        var properties = FixProperties.Create(FixEdit.ForValue(violation.Rule, violation.Fix), atAdditionalLocations: false);
        context.ReportDiagnostic(Diagnostic.Create(SeedanceDescriptors.For(violation.Rule), location, properties, violation.Args));
    }

    private static AttributeArgumentSyntax? ModelsArgument(AttributeSyntax syntax)
    {
        if (syntax.ArgumentList is null) return null;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == "Models") return argument;
        }
        return null;
    }

    /// <summary>The items of <c>new[] { … }</c>, <c>new string[] { … }</c> or <c>[ … ]</c>, in order.</summary>
    private static IReadOnlyList<SyntaxNode>? Elements(ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        CollectionExpressionSyntax collection => CollectionItems(collection),
        _ => null,
    };

    private static IReadOnlyList<SyntaxNode>? CollectionItems(CollectionExpressionSyntax collection)
    {
        var items = new List<SyntaxNode>(collection.Elements.Count);
        foreach (var element in collection.Elements)
        {
            if (element is not ExpressionElementSyntax expression) return null;
            items.Add(expression.Expression);
        }
        return items;
    }
}
