using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Seedance.Generators.Analyzers;

namespace Seedance.Benchmarks;

/// <summary>
/// The time the compiler spends inside each analyzer's callbacks (Roslyn's own per-analyzer clock, the
/// one behind -p:ReportAnalyzer=true), without the binding both sides pay: the per-site figure that the
/// BenchmarkDotNet totals, dominated by binding, cannot resolve.
/// Usage: Seedance.Benchmarks --analyzer-time [runs] [seedance|facts|noop|ca2241|regex|small|forms|none] (one of them only, e.g. under a profiler).
/// </summary>
internal static class AnalyzerTimes
{
    public static int Run(int runs, string only = "")
    {
        var requests = Workloads.RequestsWithGeneratedClient();
        var formats = Workloads.Compile(Workloads.FormatFiles());
        var regexes = Workloads.Compile(Workloads.RegexFiles());
        var plain = Workloads.Compile(Workloads.PlainFiles(), withSeedance: false);
        var ca2241 = Workloads.Ca2241();
        var regex = Workloads.RegexGenerator();
        Workloads.EnsureClean("string.Format workload", formats.GetDiagnostics());
        Workloads.EnsureGenerated("Regex generator", CSharpGeneratorDriver.Create([regex], parseOptions: Workloads.ParseOptions).RunGenerators(regexes));

        Console.WriteLine($"Time inside the check, median of {runs} runs; per site on {Workloads.Files} files / {Workloads.Sites} sites unless the row says otherwise:");
        bool Wanted(string name) => only.Length == 0 || string.Equals(only, name, StringComparison.OrdinalIgnoreCase);
        var matrix = Seedance.Generators.Matrix.MatrixSource.Default.Result.Matrix!;
        if (Wanted("seedance"))
        {
            // First analysis: every request is new to the analyzer (the rule-outcome cache is emptied first).
            Report("Seedance request analyzer, first analysis", Median(runs, () =>
            {
                RuleOutcomeCache.Clear(matrix);
                return AnalyzerTime(requests, new SeedanceRequestAnalyzer());
            }));
            // Re-analysis: the same requests in a new compilation, as after a keystroke elsewhere.
            Report("Seedance request analyzer, re-analysis", Median(runs, () => AnalyzerTime(requests, new SeedanceRequestAnalyzer())));
        }
        if (Wanted("facts")) Report("request facts only, no rules", Median(runs, () => AnalyzerTime(requests, new FactsOnlyAnalyzer())));
        if (Wanted("noop")) Report("no-op, same registrations (callback floor)", Median(runs, () => AnalyzerTime(requests, new NoOpAnalyzer())));
        if (Wanted("ca2241")) Report("CA2241 (NetAnalyzers)", Median(runs, () => AnalyzerTime(formats, ca2241)));
        if (Wanted("regex")) Report("Regex generator", Median(runs, () => GeneratorTime(regexes, regex)));
        if (Wanted("small"))
        {
            // One file of four requests (or four string.Format calls) in a fresh compilation, as after a keystroke:
            // what each analyzer pays per compilation (its start, its symbol look-ups) plus four sites.
            var oneFile = RequestsWithGeneratedClientSmall();
            var oneFormatFile = Workloads.Compile(Workloads.FormatFiles().Take(1));
            var seedance = Median(runs, () => AnalyzerTime(oneFile, new SeedanceRequestAnalyzer()));
            var peer = Median(runs, () => AnalyzerTime(oneFormatFile, ca2241));
            Console.WriteLine($"  {"one file, 4 requests: Seedance request analyzer",-44} {seedance.Median.TotalMilliseconds,9:0.000} ms (lowest run {seedance.Lowest.TotalMilliseconds:0.000})");
            Console.WriteLine($"  {"one file, 4 string.Format calls: CA2241",-44} {peer.Median.TotalMilliseconds,9:0.000} ms (lowest run {peer.Lowest.TotalMilliseconds:0.000})");
        }
        if (Wanted("forms"))
        {
            // One file of six requests whose values come through fields, locals, built lists, ?:, string.Join
            // and a helper's parameter, in a fresh compilation: the keystroke cost of the value-resolution layer.
            var formsFile = Workloads.WithGeneratedClient([Workloads.ValueFormsFile()]);
            var oneFormatFile = Workloads.Compile(Workloads.FormatFiles().Take(1));
            var seedance = Median(runs, () => AnalyzerTime(formsFile, new SeedanceRequestAnalyzer()));
            var peer = Median(runs, () => AnalyzerTime(oneFormatFile, ca2241));
            Console.WriteLine($"  {"one file, 6 requests through variables: Seedance",-44} {seedance.Median.TotalMilliseconds,9:0.000} ms (lowest run {seedance.Lowest.TotalMilliseconds:0.000})");
            Console.WriteLine($"  {"one file, 4 string.Format calls: CA2241",-44} {peer.Median.TotalMilliseconds,9:0.000} ms (lowest run {peer.Lowest.TotalMilliseconds:0.000})");
        }
        if (Wanted("none"))
        {
            var noSeedance = Median(runs, () => AnalyzerTime(plain, new SeedanceRequestAnalyzer()) + AnalyzerTime(plain, new RequestFileAnalyzer()) + AnalyzerTime(plain, new MatrixFileAnalyzer()));
            Console.WriteLine($"  {"Seedance analyzers, no Seedance reference",-44} {noSeedance.Median.TotalMilliseconds,9:0.000} ms in all");
        }
        return 0;
    }

    private static CSharpCompilation RequestsWithGeneratedClientSmall() => Workloads.RequestsWithGeneratedClient(files: 1);

    private static void Report(string name, (TimeSpan Median, TimeSpan Lowest) total) =>
        Console.WriteLine($"  {name,-44} {total.Median.TotalMilliseconds,9:0.000} ms in all, {PerSite(total.Median),7:0.00} us per site (lowest run {PerSite(total.Lowest):0.00})");

    private static double PerSite(TimeSpan total) => total.TotalMilliseconds * 1000 / Workloads.Sites;

    /// <summary>
    /// The median and the lowest of <paramref name="runs"/> runs. Each run starts after a full collection:
    /// a garbage collection that happens to fall inside a callback is charged to that callback's analyzer,
    /// and the compilation's own allocations would otherwise decide where they fall.
    /// </summary>
    private static (TimeSpan Median, TimeSpan Lowest) Median(int runs, Func<TimeSpan> measure)
    {
        // Warm up long enough for tiered compilation to promote the hot methods, as in a long-lived compiler server.
        for (var i = 0; i < 4; i++)
        {
            measure();
            System.Threading.Thread.Sleep(150);
        }
        var times = new TimeSpan[runs];
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            times[i] = measure();
        }
        Array.Sort(times);
        return (times[runs / 2], times[0]);
    }

    private static TimeSpan AnalyzerTime(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.Clone().WithAnalyzers([analyzer], options);
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
    }

    private static TimeSpan GeneratorTime(Compilation compilation, ISourceGenerator generator)
    {
        var driver = CSharpGeneratorDriver.Create([generator], parseOptions: Workloads.ParseOptions).RunGenerators(compilation.Clone());
        return driver.GetTimingInfo().ElapsedTime;
    }
}

/// <summary>The request analyzer's registrations reading each request's facts and checking nothing: what the rules add on top.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class FactsOnlyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("FACTS0001", "never", "never", "none", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = Seedance.Generators.Analyzers.Facts.SeedanceSymbols.Create(start.Compilation);
            if (symbols is null) return;
            start.RegisterOperationAction(c => Seedance.Generators.Analyzers.Facts.RequestSite.FromCreation(c.Operation, symbols), OperationKind.ObjectCreation, OperationKind.With);
        });
    }
}
