using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace Seedance.Journal.Tests;

/// <summary>Starts the crash child (tests/Seedance.Journal.CrashChild), built beside this project, as its own process.</summary>
internal static class CrashChild
{
    public static string Path { get; } = typeof(CrashChild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashChild").Value!;

    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }
}
