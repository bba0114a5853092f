using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Seedance.Generators.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer (and optionally a code fix) with Microsoft.CodeAnalysis.Testing over test code plus
/// the request records the generator makes for <paramref name="ns"/>, referencing the Seedance runtime.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, "MyApp", expected);

    public static async Task VerifyAsync(string source, string ns, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, ns);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>Runs the analyzer with AdditionalFiles (markup allowed in them) beside the test code.</summary>
    public static async Task VerifyWithFilesAsync(string source, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, "MyApp");
        foreach (var file in additionalFiles) test.TestState.AdditionalFiles.Add(file);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    /// <param name="iterations">How many fixes one at a time make the fixed code; 0 checks that no fix is offered.</param>
    public static async Task VerifyFixAsync<TFix>(string source, string fixedSource, int iterations = 1, string? equivalenceKey = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = iterations == 0 ? 0 : 1,
        };
        Configure(test.TestState, "MyApp");
        Configure(test.FixedState, "MyApp");
        await test.RunAsync(CancellationToken.None);
    }

    private static void Configure(SolutionState state, string ns)
    {
        state.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        foreach (var reference in GeneratorHarness.References.Skip(Basic.Reference.Assemblies.Net80.References.All.Count()))
        {
            state.AdditionalReferences.Add(reference);
        }
        foreach (var (name, text) in GeneratedRequestTypes(ns)) state.Sources.Add((name, text));
    }

    private static readonly Dictionary<string, (string Name, string Text)[]> s_generated = new(StringComparer.Ordinal);

    /// <summary>
    /// A <c>[SeedanceClient] VideoClient</c> declaration for <paramref name="ns"/> and everything the generator
    /// makes for it (request records, model table, client), as the test project would have them.
    /// </summary>
    public static (string Name, string Text)[] GeneratedRequestTypes(string ns)
    {
        lock (s_generated)
        {
            if (!s_generated.TryGetValue(ns, out var files))
            {
                var declaration = $"using Seedance; namespace {ns}; [SeedanceClient] public partial class VideoClient {{ }}";
                var (result, _) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(declaration));
                files = result.Results.Single().GeneratedSources
                    .Select(s => ("/0/Generated/" + s.HintName, s.SourceText.ToString()))
                    .Prepend(("/0/VideoClient.cs", declaration))
                    .ToArray();
                s_generated[ns] = files;
            }
            return files;
        }
    }
}
