using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Generators.Generator;

namespace Seedance.Benchmarks;

/// <summary>
/// Cold: one full run with a new driver (nothing cached but the process), ours on the default matrix
/// against the System.Text.Json generator making a context for nine equivalent request records.
/// </summary>
[MemoryDiagnoser]
public class GeneratorColdBenchmarks
{
    private CSharpCompilation _seedanceInput = null!;
    private CSharpCompilation _stjInput = null!;
    private ISourceGenerator _stj = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seedanceInput = Workloads.Compile([Workloads.Client]);
        _stjInput = Workloads.Compile([Workloads.StjRecordsAndContext()]);
        _stj = Workloads.StjGenerator();
        Workloads.EnsureGenerated("System.Text.Json generator", CSharpGeneratorDriver.Create([_stj], parseOptions: Workloads.ParseOptions).RunGenerators(_stjInput));
        Workloads.EnsureGenerated("Seedance generator", CSharpGeneratorDriver.Create([new SeedanceClientGenerator().AsSourceGenerator()], parseOptions: Workloads.ParseOptions).RunGenerators(_seedanceInput));
    }

    // Each invocation checks its own output: a run that failed quietly would otherwise be timed as a fast one.
    [Benchmark(Baseline = true, Description = "System.Text.Json generator, 9 records")]
    public int SystemTextJson() =>
        Expect(16, CSharpGeneratorDriver.Create([_stj], parseOptions: Workloads.ParseOptions).RunGenerators(_stjInput).GetRunResult().GeneratedTrees.Length);

    [Benchmark(Description = "Seedance generator, default matrix")]
    public int Seedance() =>
        Expect(11, CSharpGeneratorDriver.Create([new SeedanceClientGenerator().AsSourceGenerator()], parseOptions: Workloads.ParseOptions).RunGenerators(_seedanceInput).GetRunResult().GeneratedTrees.Length);

    private static int Expect(int files, int generated) =>
        generated == files ? generated : throw new System.InvalidOperationException($"The generator produced {generated} files, expected {files}.");
}

/// <summary>
/// Warm: the driver has run once on a 500-file project with 2,000 requests; then one file that has
/// nothing to do with Seedance changes (everything should be cached), or the matrix changes.
/// </summary>
[MemoryDiagnoser]
public class GeneratorWarmBenchmarks
{
    private CSharpCompilation _a = null!;
    private CSharpCompilation _b = null!;
    private GeneratorDriver _driver = null!;
    private AdditionalText _matrixA = null!;
    private AdditionalText _matrixB = null!;
    private bool _flip;
    private bool _matrixFlip;

    [GlobalSetup]
    public void Setup()
    {
        _a = Workloads.Compile([Workloads.Client, .. Workloads.RequestFiles(), "namespace Bench; public static class Unrelated { public static int Value => 1; }"]);
        var unrelated = _a.SyntaxTrees.Last();
        _b = _a.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("namespace Bench; public static class Unrelated { public static int Value => 2; }", Workloads.ParseOptions, unrelated.FilePath));
        var matrix = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoRoot(), "schema", "seedance.models.json"));
        _matrixA = new Workloads.TextFile("/p/seedance.models.json", matrix);
        _matrixB = new Workloads.TextFile("/p/seedance.models.json", matrix.Replace("\"default\": 5", "\"default\": 6"));
        _driver = Workloads.EnsureGenerated("Seedance generator, 500 files", CSharpGeneratorDriver.Create([new SeedanceClientGenerator().AsSourceGenerator()], [_matrixA], Workloads.ParseOptions).RunGenerators(_a));
        Workloads.EnsureGenerated("Seedance generator, edited matrix", _driver.ReplaceAdditionalText(_matrixA, _matrixB).RunGenerators(_a));
    }

    [Benchmark(Description = "unrelated edit, 500 files")]
    public GeneratorDriver UnrelatedEdit()
    {
        _flip = !_flip;
        return _driver = _driver.RunGenerators(_flip ? _b : _a);
    }

    [Benchmark(Description = "matrix edit, 500 files")]
    public GeneratorDriver MatrixEdit()
    {
        _matrixFlip = !_matrixFlip;
        _driver = _matrixFlip ? _driver.ReplaceAdditionalText(_matrixA, _matrixB) : _driver.ReplaceAdditionalText(_matrixB, _matrixA);
        return _driver = _driver.RunGenerators(_a);
    }

    internal static string RepoRoot()
    {
        var folder = System.AppContext.BaseDirectory;
        while (folder is not null && !System.IO.File.Exists(System.IO.Path.Combine(folder, "Seedance.Generators.sln"))) folder = System.IO.Path.GetDirectoryName(folder);
        return folder ?? throw new System.InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
