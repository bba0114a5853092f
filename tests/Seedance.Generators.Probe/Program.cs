using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Generators.Generator;

// Usage: Seedance.Generators.Probe <output folder>
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Seedance.Generators.Probe <output folder>");
    return 2;
}

const string Source = """
    using Seedance;
    namespace MyApp;
    [SeedanceClient]
    public partial class VideoClient { }
    """;

var compilation = CSharpCompilation.Create(
    "Probe",
    [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp12))],
    [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(Seedance.SeedanceClientAttribute).Assembly.Location)],
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
var driver = CSharpGeneratorDriver.Create(new SeedanceClientGenerator()).RunGenerators(compilation);
var result = driver.GetRunResult().Results.Single();
if (result.Exception is not null)
{
    Console.Error.WriteLine(result.Exception);
    return 1;
}
Directory.CreateDirectory(args[0]);
foreach (var source in result.GeneratedSources)
{
    File.WriteAllText(Path.Combine(args[0], source.HintName), source.SourceText.ToString(), new UTF8Encoding(false));
}
Console.WriteLine($"{result.GeneratedSources.Length} files");
return 0;
