using System;
using System.IO;
using Xunit;

namespace Seedance.Generators.Tests.Infrastructure;

/// <summary>
/// Compares text with a committed snapshot under <c>tests/Seedance.Generators.Tests/Snapshots</c>.
/// Set <c>SEEDANCE_UPDATE_SNAPSHOTS=1</c> to rewrite the snapshots after an intended change; a missing
/// snapshot fails otherwise, so CI never passes on a snapshot it just wrote.
/// </summary>
internal static class Snapshot
{
    private static readonly string Root = Path.Combine(TestPaths.RepoRoot, "tests", "Seedance.Generators.Tests", "Snapshots");

    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Root, name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("SEEDANCE_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No snapshot {path}; run the tests with SEEDANCE_UPDATE_SNAPSHOTS=1 to create it, then review and commit it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
