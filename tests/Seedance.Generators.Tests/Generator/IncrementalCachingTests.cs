using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Generators.Generator;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Generator;

/// <summary>
/// The generator must do nothing new when nothing it depends on changed: every tracked step of a second
/// run, and of a run after an unrelated edit, is Cached or Unchanged.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.MatrixFiles, TrackingNames.MatrixText, TrackingNames.Matrix, TrackingNames.Clients,
        TrackingNames.ReferencedRequestTypes, TrackingNames.Namespaces, TrackingNames.ClientModels,
    ];

    [Fact]
    public void Second_run_on_the_same_input_is_fully_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient);
        var driver = GeneratorHarness.CreateDriver(UserMatrix()).RunGenerators(compilation);
        var first = driver.GetRunResult();
        driver = driver.RunGenerators(compilation.Clone());
        var second = driver.GetRunResult();

        AssertAllCached(first, second);
    }

    [Fact]
    public void Run_after_an_unrelated_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient, "namespace MyApp; public class Other { }");
        var driver = GeneratorHarness.CreateDriver(UserMatrix()).RunGenerators(compilation);
        var first = driver.GetRunResult();

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace MyApp; public class Other { public int Changed => 42; }", GeneratorHarness.ParseOptions, path: "Source1.cs"));
        driver = driver.RunGenerators(edited);
        var second = driver.GetRunResult();

        AssertAllCached(first, second);
        Assert.Equal(first.GeneratedTrees.Length, second.GeneratedTrees.Length);
    }

    [Fact]
    public void Editing_the_matrix_file_regenerates()
    {
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient);
        var matrix = GeneratorHarness.ReadRepoFile("schema/seedance.models.json");
        var original = new InMemoryAdditionalText("/project/seedance.models.json", matrix);
        var driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);

        var changed = new InMemoryAdditionalText("/project/seedance.models.json", matrix.Replace("\"default\": 5", "\"default\": 6"));
        driver = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var matrixSteps = result.TrackedSteps[TrackingNames.Matrix];
        Assert.Contains(matrixSteps.SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        var text = result.GeneratedSources.Single(s => s.HintName == "MyApp.TextToVideoRequest.g.cs").SourceText.ToString();
        Assert.Contains("public int Duration { get; init; } = 6;", text);
    }

    [Fact]
    public void No_step_output_holds_compilation_symbols_syntax_or_additional_text()
    {
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/p/seedance.models.json", GeneratorHarness.ReadRepoFile("schema/seedance.models.json")))
            .RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} did not run");
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertNoBannedTypes(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static InMemoryAdditionalText UserMatrix() =>
        new("/project/seedance.models.json", GeneratorHarness.ReadRepoFile("schema/seedance.models.json"));

    private static void AssertAllCached(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
    {
        var firstSteps = first.Results.Single().TrackedSteps;
        var secondSteps = second.Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            Assert.True(firstSteps.ContainsKey(name) && secondSteps.ContainsKey(name), $"step {name} did not run");
            foreach (var output in secondSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} produced {output.Reason} for {output.Value}");
            }
        }
        foreach (var output in second.Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs))
        {
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
        }
    }

    private static void AssertNoBannedTypes(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (!value.GetType().IsValueType && !visited.Add(value)) return;
        Assert.False(value is Compilation, $"step {step} holds a Compilation");
        Assert.False(value is ISymbol, $"step {step} holds an ISymbol");
        Assert.False(value is SyntaxNode, $"step {step} holds a SyntaxNode");
        Assert.False(value is AdditionalText, $"step {step} holds an AdditionalText");
        Assert.False(value is Location, $"step {step} holds a Location");
        if (value is IEnumerable items)
        {
            foreach (var item in items) AssertNoBannedTypes(item, step, visited);
        }
        var type = value.GetType();
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType) return;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoBannedTypes(field.GetValue(value), step, visited);
        }
    }
}
