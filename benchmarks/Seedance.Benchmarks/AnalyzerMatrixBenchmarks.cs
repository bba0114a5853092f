using System.Collections.Immutable;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Matrix;

namespace Seedance.Benchmarks;

/// <summary>
/// What each of the three analyzers pays at every compilation start (every keystroke) to find its matrix,
/// in a project with its own, unchanged <c>seedance.models.json</c>, and with two such projects open at once.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerMatrixBenchmarks
{
    private ImmutableArray<AdditionalText> _projectA;
    private ImmutableArray<AdditionalText> _projectB;

    [GlobalSetup]
    public void Setup()
    {
        var text = MatrixSource.DefaultText;
        _projectA = [new Workloads.TextFile("/a/seedance.models.json", text)];
        _projectB = [new Workloads.TextFile("/b/seedance.models.json", text + " ")];
    }

    [Benchmark(Baseline = true, Description = "unchanged matrix file, one project")]
    public object Unchanged() => AnalyzerMatrix.Get(_projectA, CancellationToken.None).Model;

    [Benchmark(Description = "unchanged matrix files, two projects alternating")]
    public object TwoProjects()
    {
        AnalyzerMatrix.Get(_projectA, CancellationToken.None);
        return AnalyzerMatrix.Get(_projectB, CancellationToken.None).Model;
    }
}
