using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Seedance.Benchmarks;

/// <summary>
/// Not a checker: the least that any implementation of the request rules has to do per request, to say
/// what a per-site target can be. One callback per object creation; the created type looked up in the set of
/// request types; then every initializer value's constant read once (collection items included)
/// and every prompt character looked at once. No member roles, no facts, no rules, nothing kept (what it
/// allocates, ~20 B per site, is the public API boxing <c>int</c> constants). An analyzer that reads each
/// request through the compiler's operations does all of this and more, so its per-site cost on a first
/// analysis cannot be lower than this one's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class LowerBoundAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BOUND0001", "never", "never", "none", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    /// <summary>What the reads added up to, so that the JIT cannot drop them.</summary>
    public static long Sink;

    /// <summary>Request creations visited (the harness is single-threaded), so that a check can see it ran.</summary>
    public static int Visited;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // The workload's request types (generated, [SeedanceModel]) and SeedanceRequest, found once.
            var request = start.Compilation.GetTypeByMetadataName("Seedance.SeedanceRequest");
            if (request is null) return;
            // A set by symbol equality: a creation's type is annotated (not null), the declarations' are not.
            var types = start.Compilation.GetSymbolsWithName(n => n.EndsWith("Request", System.StringComparison.Ordinal), SymbolFilter.Type)
                .Append(request).ToHashSet<ISymbol>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(c => Visit((IObjectCreationOperation)c.Operation, types), OperationKind.ObjectCreation);
        });
    }

    private static void Visit(IObjectCreationOperation creation, HashSet<ISymbol> types)
    {
        if (creation.Type is not { } type || !types.Contains(type)) return;
        Visited++;
        long sum = 0;
        foreach (var argument in creation.Arguments) sum += Read(argument.Value);
        if (creation.Initializer is { } initializer)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is ISimpleAssignmentOperation assignment) sum += Read(assignment.Value);
            }
        }
        Sink += sum;
    }

    private static long Read(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        var constant = value.ConstantValue;
        if (constant.HasValue)
        {
            if (constant.Value is string text)
            {
                long sum = 0;
                foreach (var c in text) sum += c;
                return sum;
            }
            return constant.Value is int number ? number : 1;
        }
        long items = 0;
        foreach (var child in value.ChildOperations) items += Read(child);
        return items;
    }
}
