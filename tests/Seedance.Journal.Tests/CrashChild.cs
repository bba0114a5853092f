using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace Seedance.Journal.Tests;

/// <summary>Starts the crash child (tests/Seedance.Journal.CrashChild), built beside this project, as its own process.</summary>
internal static class CrashChild
{
    public static string Path { get; } = Built("CrashChild");

    /// <summary>The sample (samples/Seedance.Samples), built beside this project.</summary>
    public static string SamplePath { get; } = Built("Sample");

    public static Process Start(params string[] arguments) => StartDll(Path, arguments);

    public static Process StartSample(params string[] arguments) => StartDll(SamplePath, arguments);

    private static string Built(string key) => typeof(CrashChild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static Process StartDll(string dll, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
