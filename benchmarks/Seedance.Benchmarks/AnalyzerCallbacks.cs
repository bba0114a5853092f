using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Matrix;

namespace Seedance.Benchmarks;

/// <summary>
/// An analyzer's own callbacks, called directly on operation trees bound beforehand, exactly as the
/// analyzer registered them (compilation start, then every operation of the registered kinds in source
/// order). Unlike the compiler's per-analyzer clock, nothing here is shared with binding or with the
/// garbage collections the compilation causes, so the per-site cost of two analyzers compares cleanly.
/// </summary>
internal sealed class CallbackHarness
{
    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options = new([]);
    private readonly List<Action<CompilationStartAnalysisContext>> _starts = [];
    private readonly List<(IOperation Operation, ISymbol Container)> _operations = [];
    private readonly Func<Diagnostic, bool> _supported;
    private readonly Action<Diagnostic> _report;

    public CallbackHarness(DiagnosticAnalyzer analyzer, Compilation compilation)
    {
        _compilation = compilation;
        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        _supported = d => supported.Contains(d.Id);
        _report = _ => Reported++;
        var root = new RecordingContext(_starts);
        analyzer.Initialize(root);
        if (root.Direct.Count > 0) _starts.Add(start => { foreach (var (action, kinds) in root.Direct) start.RegisterOperationAction(action, kinds); });

        // Every operation tree of every method body, walked once here.
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetOperation(method) is not { } body || model.GetDeclaredSymbol(method) is not { } symbol) continue;
                foreach (var operation in body.DescendantsAndSelf()) _operations.Add((operation, symbol));
            }
        }
    }

    public int Reported { get; private set; }

    public int Operations => _operations.Count;

    /// <summary>One analysis: compilation start, then the registered operation actions on every matching operation.</summary>
    public int Run()
    {
        // The measured path calls each action directly: routed through Dispatch's extra delegate, CA2241's
        // figure rose from ~650 to ~1,120 us while the floors barely moved, so this loop stays inline.
        Reported = 0;
        var actions = new List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)>();
        var start = new RecordingStartContext(_compilation, _options, actions);
        foreach (var action in _starts) action(start);
        foreach (var (operation, container) in _operations)
        {
            foreach (var (action, kinds) in actions)
            {
                if (!kinds.Contains(operation.Kind)) continue;
#pragma warning disable CS0618 // The public constructor for hosts other than the compiler's driver.
                action(new OperationAnalysisContext(operation, container, _compilation, _options, _report, _supported, CancellationToken.None));
#pragma warning restore CS0618
            }
        }
        return Reported;
    }

    /// <summary>Time and bytes allocated per operation kind over <paramref name="rounds"/> analyses (after one to warm up).</summary>
    public IEnumerable<(OperationKind Kind, int Calls, double Microseconds, long Bytes)> ByKind(int rounds)
    {
        Run();
        var totals = new Dictionary<OperationKind, (int Calls, long Ticks, long Bytes)>();
        for (var round = 0; round < rounds; round++)
        {
            // A collection between rounds, so that a pause does not land inside one callback's clock.
            GC.Collect();
            Dispatch((kind, action, context) =>
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var ticks = System.Diagnostics.Stopwatch.GetTimestamp();
                action(context);
                ticks = System.Diagnostics.Stopwatch.GetTimestamp() - ticks;
                bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
                totals.TryGetValue(kind, out var total);
                totals[kind] = (total.Calls + 1, total.Ticks + ticks, total.Bytes + bytes);
            });
        }
        return totals.Select(t => (t.Key, t.Value.Calls / rounds, t.Value.Ticks * 1e6 / System.Diagnostics.Stopwatch.Frequency / rounds, t.Value.Bytes / rounds));
    }

    /// <summary>Runs the compilation-start actions, then hands each operation action and its context to <paramref name="invoke"/>.</summary>
    private void Dispatch(Action<OperationKind, Action<OperationAnalysisContext>, OperationAnalysisContext> invoke)
    {
        var actions = new List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)>();
        var start = new RecordingStartContext(_compilation, _options, actions);
        foreach (var action in _starts) action(start);
        foreach (var (operation, container) in _operations)
        {
            foreach (var (action, kinds) in actions)
            {
                if (!kinds.Contains(operation.Kind)) continue;
#pragma warning disable CS0618 // The public constructor for hosts other than the compiler's driver.
                invoke(operation.Kind, action, new OperationAnalysisContext(operation, container, _compilation, _options, _report, _supported, CancellationToken.None));
#pragma warning restore CS0618
            }
        }
    }

    private sealed class RecordingContext(List<Action<CompilationStartAnalysisContext>> starts) : AnalysisContext
    {
        public List<(Action<OperationAnalysisContext>, ImmutableArray<OperationKind>)> Direct { get; } = [];

        public override void EnableConcurrentExecution() { }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) { }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => starts.Add(action);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Direct.Add((action, operationKinds));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

    private sealed class RecordingStartContext(Compilation compilation, AnalyzerOptions options, List<(Action<OperationAnalysisContext>, ImmutableArray<OperationKind>)> actions)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => actions.Add((action, operationKinds));

        // What the compared analyzers register besides operation actions is not on the measured path.
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) { }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Unsupported();
    }

    private static NotSupportedException Unsupported() =>
        new("The callback harness replays compilation-start and operation actions only; this analyzer registers something else.");
}

/// <summary>
/// Per site, the analyzers' own callbacks on the 2,000-site workloads (see <see cref="CallbackHarness"/>):
/// ours on request constructions, CA2241 on string.Format calls. Divide by 2,000 for the per-site figure.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerCallbackBenchmarks
{
    private CallbackHarness _seedance = null!;
    private CallbackHarness _ca2241 = null!;
    private CallbackHarness _seedanceFloor = null!;
    private CallbackHarness _ca2241Floor = null!;
    private CallbackHarness _lowerBound = null!;
    private CallbackHarness _lowerBoundFloor = null!;
    private Seedance.Rules.ModelMatrix _matrix = null!;

    [GlobalSetup]
    public void Setup()
    {
        _matrix = MatrixSource.Default.Result.Matrix!;
        var requests = Workloads.RequestsWithGeneratedClient();
        _seedance = new CallbackHarness(new SeedanceRequestAnalyzer(), requests);
        _seedanceFloor = new CallbackHarness(new NoOpAnalyzer(), requests);
        _lowerBound = new CallbackHarness(new LowerBoundAnalyzer(), requests);
        _lowerBoundFloor = new CallbackHarness(new NoOpAnalyzer(OperationKind.ObjectCreation), requests);
        var formats = Workloads.Compile(Workloads.FormatFiles());
        Workloads.EnsureClean("string.Format workload", formats.GetDiagnostics());
        _ca2241 = new CallbackHarness(Workloads.Ca2241(), formats);
        _ca2241Floor = new CallbackHarness(new NoOpAnalyzer(OperationKind.Invocation), formats);
    }

    internal CallbackHarness SeedanceHarness => _seedance;

    internal CallbackHarness Ca2241Harness => _ca2241;

    [Benchmark(Baseline = true, Description = "CA2241, 2,000 string.Format calls")]
    public int Ca2241() => _ca2241.Run();

    // The harness's own cost per call (the context, the dispatch), to subtract: our analyzer registers
    // for more operation kinds than CA2241 does, so it is called more often per site.
    [Benchmark(Description = "floor: no-op on CA2241's registrations, string.Format calls")]
    public int Ca2241Floor() => _ca2241Floor.Run();

    [Benchmark(Description = "floor: no-op on our registrations, requests")]
    public int SeedanceFloor() => _seedanceFloor.Run();

    [Benchmark(Description = "floor: no-op on object creations, requests")]
    public int LowerBoundFloor() => _lowerBoundFloor.Run();

    // The least any implementation of the rules must do per request (see LowerBoundAnalyzer).
    [Benchmark(Description = "lower bound: each member's constant and each prompt character read once")]
    public int LowerBound() => _lowerBound.Run();

    [Benchmark(Description = "Seedance, 2,000 requests, first analysis")]
    public int SeedanceFirstAnalysis()
    {
        // Every request new to the analyzer: the rule-outcome cache starts empty.
        RuleOutcomeCache.Clear(_matrix);
        return _seedance.Run();
    }

    [Benchmark(Description = "Seedance, 2,000 requests, re-analysis")]
    public int SeedanceReanalysis() => _seedance.Run();
}
