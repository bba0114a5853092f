using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Generators.Generator;

namespace Seedance.Benchmarks;

/// <summary>
/// Runs every benchmark's setup and one invocation, and says what each produced (files, characters,
/// bytes allocated): a benchmark of a run that silently failed measures nothing. Exit code 1 when a
/// workload is broken. Usage: Seedance.Benchmarks --check
/// </summary>
internal static class Checks
{
    public static int Run()
    {
        try
        {
            Generator("Seedance generator, default matrix", new SeedanceClientGenerator().AsSourceGenerator(), Workloads.Compile([Workloads.Client]), expectedFiles: 11);
            Generator("System.Text.Json generator, 9 records", Workloads.StjGenerator(), Workloads.Compile([Workloads.StjRecordsAndContext()]), expectedFiles: 1);
            var requests = Workloads.RequestsWithGeneratedClient();
            Console.WriteLine($"  request workload: {requests.SyntaxTrees.Count()} trees, compiles without errors");
            var warm = new GeneratorWarmBenchmarks();
            warm.Setup();
            warm.UnrelatedEdit();
            warm.MatrixEdit();
            Console.WriteLine("  warm generator workloads: set up and ran");
            new AnalyzerBenchmarks().Setup();
            Console.WriteLine("  analyzer workloads: set up (requests, string.Format, [GeneratedRegex])");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    private static void Generator(string name, ISourceGenerator generator, CSharpCompilation input, int expectedFiles)
    {
        CSharpGeneratorDriver.Create([generator], parseOptions: Workloads.ParseOptions).RunGenerators(input);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var driver = Workloads.EnsureGenerated(name, CSharpGeneratorDriver.Create([generator], parseOptions: Workloads.ParseOptions).RunGenerators(input));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToList();
        var total = GC.GetTotalAllocatedBytes(true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 200; i++) CSharpGeneratorDriver.Create([generator], parseOptions: Workloads.ParseOptions).RunGenerators(input).GetRunResult();
        Console.WriteLine($"  {name}: 200 runs: {watch.Elapsed.TotalMilliseconds / 200 * 1000:N0} us, {(GC.GetTotalAllocatedBytes(true) - total) / 200 / 1024.0:N0} KB per run");
        Console.WriteLine($"  {name}: {sources.Count} files, {sources.Sum(s => s.SourceText.Length):N0} characters, {allocated / 1024.0:N0} KB allocated on this thread");
        if (sources.Count < expectedFiles) throw new InvalidOperationException($"{name}: {sources.Count} files, expected {expectedFiles}.");
    }
}
