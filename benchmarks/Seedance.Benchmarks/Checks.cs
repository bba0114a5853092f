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
            Harness();
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    /// <summary>The callback harness calls each analyzer where the compiler would: it reports a broken site and stays quiet on the workloads.</summary>
    private static void Harness()
    {
        var callbacks = new AnalyzerCallbackBenchmarks();
        callbacks.Setup();
        var quiet = (Seedance: callbacks.SeedanceFirstAnalysis(), Ca2241: callbacks.Ca2241());
        var brokenFormat = Workloads.Compile(["namespace Bench; public static class F { public static string A(string a) => string.Format(\"{0} {1}\", a); }"]);
        var ca2241 = new CallbackHarness(Workloads.Ca2241(), brokenFormat).Run();
        var brokenRequest = Workloads.RequestsWithGeneratedClient().AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Bench; public static class R { public static object A() => new Seedance.SeedanceRequest(\"seedance-2.0\", \"@Image1 walks.\"); }", Workloads.ParseOptions));
        var seedance = new CallbackHarness(new Seedance.Generators.Analyzers.SeedanceRequestAnalyzer(), brokenRequest).Run();
        LowerBoundAnalyzer.Visited = 0;
        callbacks.LowerBound();
        Console.WriteLine($"  callback harness: workloads report {quiet.Seedance} (Seedance) and {quiet.Ca2241} (CA2241); one broken site reports {seedance} and {ca2241}; the lower bound visits {LowerBoundAnalyzer.Visited} requests");
        if (quiet != (0, 0) || seedance == 0 || ca2241 == 0) throw new InvalidOperationException("The callback harness does not call the analyzers as the compiler would.");
        // 2,000 written requests; the generated client's own creations of request types add a few.
        if (LowerBoundAnalyzer.Visited < Workloads.Sites) throw new InvalidOperationException($"The lower-bound analyzer visited {LowerBoundAnalyzer.Visited} requests, expected at least {Workloads.Sites}.");
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
