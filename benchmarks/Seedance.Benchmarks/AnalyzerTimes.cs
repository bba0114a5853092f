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
/// Usage: Seedance.Benchmarks --analyzer-time [runs] [seedance|ca2241|regex|none] (one of them only, e.g. under a profiler).
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

        Console.WriteLine($"Per-site time inside the check, median of {runs} runs on {Workloads.Files} files / {Workloads.Sites} sites:");
        bool Wanted(string name) => only.Length == 0 || string.Equals(only, name, StringComparison.OrdinalIgnoreCase);
        if (Wanted("seedance")) Report("Seedance request analyzer", Median(runs, () => AnalyzerTime(requests, new SeedanceRequestAnalyzer())));
        if (Wanted("ca2241")) Report("CA2241 (NetAnalyzers)", Median(runs, () => AnalyzerTime(formats, ca2241)));
        if (Wanted("regex")) Report("Regex generator", Median(runs, () => GeneratorTime(regexes, regex)));
        if (Wanted("none"))
        {
            var noSeedance = Median(runs, () => AnalyzerTime(plain, new SeedanceRequestAnalyzer()) + AnalyzerTime(plain, new RequestFileAnalyzer()) + AnalyzerTime(plain, new MatrixFileAnalyzer()));
            Console.WriteLine($"  {"Seedance analyzers, no Seedance reference",-44} {noSeedance.TotalMilliseconds,9:0.000} ms in all");
        }
        return 0;
    }

    private static void Report(string name, TimeSpan total) =>
        Console.WriteLine($"  {name,-44} {total.TotalMilliseconds,9:0.000} ms in all, {total.TotalMilliseconds * 1000 / Workloads.Sites,7:0.00} us per site");

    private static TimeSpan Median(int runs, Func<TimeSpan> measure)
    {
        // Warm up long enough for tiered compilation to promote the hot methods, as in a long-lived compiler server.
        for (var i = 0; i < 4; i++)
        {
            measure();
            System.Threading.Thread.Sleep(150);
        }
        var times = Enumerable.Range(0, runs).Select(_ => measure()).OrderBy(t => t).ToArray();
        return times[times.Length / 2];
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
