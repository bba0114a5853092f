using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Seedance.Generators.Analyzers;

namespace Seedance.Benchmarks;

/// <summary>
/// 500 files, 2,000 sites each: our request analyzer on request constructions, CA2241 on string.Format
/// calls, the Regex generator on [GeneratedRegex] patterns. Each is paired with a no-op of the same shape
/// on the same input (the compiler's binding is paid by both), so analyzer − no-op is the check's own
/// cost; divide by 2,000 for the cost per site.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _requests = null!;
    private CSharpCompilation _formats = null!;
    private CSharpCompilation _regexes = null!;
    private DiagnosticAnalyzer _ca2241 = null!;
    private ISourceGenerator _regexGenerator = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The request types come from the generator, as in a real build.
        _requests = Workloads.RequestsWithGeneratedClient();
        _formats = Workloads.Compile(Workloads.FormatFiles());
        _regexes = Workloads.Compile(Workloads.RegexFiles());
        Workloads.EnsureClean("string.Format workload", _formats.GetDiagnostics());
        _ca2241 = Workloads.Ca2241();
        _regexGenerator = Workloads.RegexGenerator();
        Workloads.EnsureGenerated("Regex generator", CSharpGeneratorDriver.Create([_regexGenerator], parseOptions: Workloads.ParseOptions).RunGenerators(_regexes));
    }

    [Benchmark(Baseline = true, Description = "no-op, requests"), BenchmarkCategory("Seedance")]
    public Task<ImmutableArray<Diagnostic>> NoOpOnRequests() => Analyze(_requests, new NoOpAnalyzer());

    [Benchmark(Description = "Seedance analyzer, 2,000 requests"), BenchmarkCategory("Seedance")]
    public Task<ImmutableArray<Diagnostic>> SeedanceOnRequests() => Analyze(_requests, new SeedanceRequestAnalyzer());

    [Benchmark(Baseline = true, Description = "no-op, string.Format"), BenchmarkCategory("CA2241")]
    public Task<ImmutableArray<Diagnostic>> NoOpOnFormats() => Analyze(_formats, new NoOpAnalyzer());

    [Benchmark(Description = "CA2241, 2,000 string.Format calls"), BenchmarkCategory("CA2241")]
    public Task<ImmutableArray<Diagnostic>> Ca2241OnFormats() => Analyze(_formats, _ca2241);

    [Benchmark(Baseline = true, Description = "binding only, [GeneratedRegex]"), BenchmarkCategory("Regex")]
    public Task<ImmutableArray<Diagnostic>> NoOpOnRegexes() => Analyze(_regexes, new NoOpAnalyzer());

    [Benchmark(Description = "Regex generator, 2,000 patterns"), BenchmarkCategory("Regex")]
    public int RegexGeneratorOnPatterns() =>
        CSharpGeneratorDriver.Create([_regexGenerator], parseOptions: Workloads.ParseOptions).RunGenerators(_regexes.Clone()).GetRunResult().GeneratedTrees.Length;

    /// <summary>A fresh clone each time: no semantic model or analyzer state survives from the last run.</summary>
    internal static Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation, DiagnosticAnalyzer analyzer) =>
        compilation.Clone().WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
}

/// <summary>A project that does not reference Seedance: our analyzers should cost what an empty one costs.</summary>
[MemoryDiagnoser]
public class NoSeedanceBenchmarks
{
    private CSharpCompilation _plain = null!;

    [GlobalSetup]
    public void Setup() => _plain = Workloads.Compile(Workloads.PlainFiles(), withSeedance: false);

    [Benchmark(Baseline = true, Description = "empty analyzer, 500 plain files")]
    public Task<ImmutableArray<Diagnostic>> Empty() => AnalyzerBenchmarks.Analyze(_plain, new EmptyAnalyzer());

    [Benchmark(Description = "Seedance analyzers, 500 plain files")]
    public Task<ImmutableArray<Diagnostic>> Seedance() =>
        _plain.Clone().WithAnalyzers([new SeedanceRequestAnalyzer(), new RequestFileAnalyzer(), new MatrixFileAnalyzer()]).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("EMPTY0001", "never", "never", "none", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static _ => { });
        }
    }
}
