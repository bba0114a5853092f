using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Generator;

/// <summary>
/// What the generator loads at run time must either come with every compiler host (Roslyn, the
/// netstandard facade) or ship beside it in analyzers/dotnet/cs: an older host (the .NET 8 SDK, Visual
/// Studio) has no System.Text.Json 10, which Scriban asks for. This test loads the generator into its own
/// load context, as the compiler does, records every assembly a full run asks for, and checks each
/// against the list the generator project ships (ScribanRuntimePackages in its .csproj).
/// </summary>
public sealed class CompilerHostTests
{
    [Fact]
    public void Every_assembly_a_generator_run_loads_is_provided_by_the_host_or_shipped_beside_it()
    {
        var folder = Path.GetDirectoryName(typeof(Seedance.Generators.Generator.SeedanceClientGenerator).Assembly.Location)!;
        var context = new RecordingLoadContext(folder);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "Seedance.Generators.dll"));
            var generator = (IIncrementalGenerator)Activator.CreateInstance(assembly.GetType("Seedance.Generators.Generator.SeedanceClientGenerator", throwOnError: true)!)!;

            var driver = CSharpGeneratorDriver.Create(generator).RunGenerators(GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient));
            var result = driver.GetRunResult().Results.Single();

            Assert.Null(result.Exception);
            Assert.Equal(11, result.GeneratedSources.Length);
            var project = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "Seedance.Generators", "Seedance.Generators.csproj"));
            var shipped = System.Text.RegularExpressions.Regex.Match(project, "<ScribanRuntimePackages>([^<]*)</ScribanRuntimePackages>").Groups[1].Value
                .Split(';', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("System.Text.Json", context.Requested);
            foreach (var name in context.Requested.Distinct())
            {
                var fromHost = name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name is "System.Collections.Immutable" or "netstandard" or "Seedance.Generators";
                Assert.True(fromHost || shipped.Contains(name), $"the generator loads {name}, which neither every compiler host has nor the package ships");
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads the analyzer folder's own assemblies itself; everything else falls through to the host.</summary>
    private sealed class RecordingLoadContext(string folder) : AssemblyLoadContext("seedance-generator-probe", isCollectible: true)
    {
        public ConcurrentBag<string> Requested { get; } = new();

        protected override Assembly? Load(AssemblyName name)
        {
            Requested.Add(name.Name!);
            if (name.Name is "Seedance.Generators" or "Scriban.Signed")
            {
                return LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll"));
            }
            return null;
        }
    }
}
