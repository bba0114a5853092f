using System.Diagnostics;
using System.Threading.Tasks;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Benchmarks;

/// <summary>
/// The benchmarks' quick check, run in CI: every workload sets up, the generators produce their files,
/// the request workload compiles, and the callback harness calls both analyzers as the compiler would.
/// A benchmark whose input broke would otherwise go on timing a failed run as a fast one.
/// </summary>
public sealed class BenchmarkWorkloadTests
{
    [Fact]
    public async Task Every_benchmark_workload_runs_and_produces_what_it_should()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(TestPaths.BenchmarksAssembly);
        start.ArgumentList.Add("--check");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(180_000), "the benchmark check did not finish within 3 minutes");
        Assert.True(process.ExitCode == 0, $"benchmark check failed:\n{stdout}{await stderr}");
        Assert.Contains("Seedance generator, default matrix: 11 files", stdout);
        Assert.Contains("callback harness: workloads report 0 (Seedance) and 0 (CA2241)", stdout);
    }
}
