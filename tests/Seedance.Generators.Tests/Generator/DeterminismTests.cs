using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Generator;

public sealed class DeterminismTests
{
    [Fact]
    public void Two_runs_in_separate_processes_produce_byte_identical_files()
    {
        var root = Path.Combine(Path.GetTempPath(), "seedance-determinism-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = RunProbe(Path.Combine(root, "first"));
            var second = RunProbe(Path.Combine(root, "second"));

            var firstFiles = Directory.GetFiles(first).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var secondFiles = Directory.GetFiles(second).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(11, firstFiles.Length);
            Assert.Equal(firstFiles, secondFiles);
            foreach (var name in firstFiles)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(first, name!)), File.ReadAllBytes(Path.Combine(second, name!)));
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static string RunProbe(string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(TestPaths.ProbeAssembly);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the probe did not finish");
        Assert.True(process.ExitCode == 0, $"probe failed: {stdout}{stderr}");
        return output;
    }
}
