using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Generators.Generator;

// Usage: Seedance.Generators.Probe <output folder>      writes one run's files (determinism test)
//        Seedance.Generators.Probe --time <runs>          times full cold runs on the default matrix
if (args.Length == 2 && args[0] == "--time" && int.TryParse(args[1], out var runs))
{
    return Timing(runs);
}
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Seedance.Generators.Probe <output folder> | --time <runs>");
    return 2;
}

return Run(args[0]);

static int Run(string folder)
{
    var compilation = Input.Compilation();
    var driver = CSharpGeneratorDriver.Create(new SeedanceClientGenerator()).RunGenerators(compilation);
    var result = driver.GetRunResult().Results.Single();
    if (result.Exception is not null)
    {
        Console.Error.WriteLine(result.Exception);
        return 1;
    }
    Directory.CreateDirectory(folder);
    foreach (var source in result.GeneratedSources)
    {
        File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString(), new UTF8Encoding(false));
    }
    Console.WriteLine($"{result.GeneratedSources.Length} files");
    return 0;
}

// A full run with a new driver each time: nothing cached but the process-wide template and matrix parse.
static int Timing(int runs)
{
    var compilation = Input.Compilation();
    for (var i = 0; i < 20; i++) CSharpGeneratorDriver.Create(new SeedanceClientGenerator()).RunGenerators(compilation);
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var driver = CSharpGeneratorDriver.Create(new SeedanceClientGenerator()).RunGenerators(compilation);
        _ = driver.GetRunResult().Results.Single().GeneratedSources.Length;
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    Console.WriteLine($"{runs} full generator runs on the default matrix: median {times[runs / 2]:0.000} ms, p90 {times[runs * 9 / 10]:0.000} ms, min {times[0]:0.000} ms");
    return 0;
}

static class Input
{
    // The attribute is declared here rather than referenced from Seedance.dll: the generator matches it by
    // metadata name, and the probe stays independent of the runtime's build output.
    public const string Source = """
        namespace Seedance { [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class SeedanceClientAttribute : System.Attribute { public string[]? Models { get; set; } } }
        namespace MyApp
        {
            [Seedance.SeedanceClient]
            public partial class VideoClient { }
        }
        """;

    public static CSharpCompilation Compilation() => CSharpCompilation.Create(
        "Probe",
        [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp12))],
        Basic.Reference.Assemblies.Net80.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
