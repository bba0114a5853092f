using System.Linq;
using System.Text.Json.Nodes;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Generator;

public sealed class CustomMatrixTests
{
    [Fact]
    public void A_tenth_model_in_the_user_matrix_yields_a_new_record_and_methods()
    {
        var matrix = JsonNode.Parse(GeneratorHarness.ReadRepoFile("schema/seedance.models.json"))!;
        var models = matrix["models"]!.AsArray();
        var extra = models.Single(m => (string?)m!["id"] == "seedance-2.0-reference-to-video")!.DeepClone();
        extra["id"] = "seedance-2.1-reference-to-video";
        extra["duration"]!["max"] = 20;
        models.Add(extra);

        var (result, output) = GeneratorHarness.Run(
            GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient),
            new InMemoryAdditionalText("/project/seedance.models.json", matrix.ToJsonString()));
        var run = result.Results.Single();

        Assert.Null(run.Exception);
        Assert.Equal(12, run.GeneratedSources.Length);
        var record = output.GetTypeByMetadataName("MyApp.Seedance21ReferenceToVideoRequest");
        Assert.NotNull(record);
        Assert.Contains(record!.GetAttributes(), a => a.ConstructorArguments.Single().Value as string == "seedance-2.1-reference-to-video");
        var client = output.GetTypeByMetadataName("MyApp.VideoClient")!;
        Assert.NotEmpty(client.GetMembers("SubmitSeedance21ReferenceToVideoAsync"));
        Assert.NotEmpty(client.GetMembers("GenerateSeedance21ReferenceToVideoAsync"));
        var table = run.GeneratedSources.Single(s => s.HintName == "MyApp.SeedanceModelTable.g.cs").SourceText.ToString();
        Assert.Contains("public const string Seedance21ReferenceToVideo = \"seedance-2.1-reference-to-video\";", table);
        Assert.Contains("SeedanceModelCatalog.Parse(MatrixJson)", table);
    }

    [Theory]
    [InlineData("{ \"models\": [ { \"id\": 5 } ] }")]
    [InlineData("{ \"models\": [ ")]
    [InlineData("")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{ \"models\": [ { \"id\": \"a\", \"family\": \"sound-to-video\" } ] }")]
    public void A_broken_user_matrix_yields_no_types_and_no_exception(string matrix)
    {
        var (result, _) = GeneratorHarness.Run(
            GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient),
            new InMemoryAdditionalText("/project/seedance.models.json", matrix));
        var run = result.Results.Single();

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratedSources);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
    }

    [Fact]
    public void Models_filter_limits_the_client_methods()
    {
        const string Source = """
            using Seedance;
            namespace Filtered;
            [SeedanceClient(Models = new[] { "seedance-2.0-reference-to-video" })]
            internal partial class RefClient { }
            """;
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Source));
        var names = result.Results.Single().GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal);

        Assert.Equal(["Filtered.RefClient.g.cs", "Filtered.ReferenceToVideoRequest.g.cs", "Filtered.SeedanceModelTable.g.cs"], names);
        var client = output.GetTypeByMetadataName("Filtered.RefClient")!;
        Assert.NotEmpty(client.GetMembers("SubmitReferenceToVideoAsync"));
        Assert.Empty(client.GetMembers("SubmitTextToVideoAsync"));
        Assert.Equal(Microsoft.CodeAnalysis.Accessibility.Internal, output.GetTypeByMetadataName("Filtered.ReferenceToVideoRequest")!.DeclaredAccessibility);
    }

    [Fact]
    public void A_client_in_the_global_namespace_compiles_and_its_names_cannot_be_shadowed()
    {
        const string Source = """
            using Seedance;
            [SeedanceClient] public partial class GlobalClient { }
            namespace Inner
            {
                // A type of the same name nearer to use sites must not capture the generated references.
                internal static class SeedanceModelTable { }
                public static class Use { public static object Make() => new global::TextToVideoRequest { Prompt = "A frog." }; }
            }
            """;
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Source));

        Assert.Null(result.Results.Single().Exception);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "GlobalClient.g.cs" && s.SourceText.ToString().Contains("global::SeedanceModelTable.Catalog", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Two_clients_in_one_namespace_share_one_set_of_request_types()
    {
        const string Source = """
            using Seedance;
            namespace Shared;
            [SeedanceClient] public partial class FirstClient { }
            [SeedanceClient] public partial class SecondClient { }
            """;
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Source));
        var names = result.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();

        Assert.Single(names, n => n == "Shared.TextToVideoRequest.g.cs");
        Assert.Contains("Shared.FirstClient.g.cs", names);
        Assert.Contains("Shared.SecondClient.g.cs", names);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id is "CS0101" or "CS0102" or "CS0111");
    }
}

public sealed class ReferencedProjectTests
{
    [Theory]
    [InlineData("Shared")]
    [InlineData("Other")]
    public void A_project_referencing_another_that_uses_the_package_compiles_without_type_conflicts(string referencingNamespace)
    {
        var (_, library) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(
            "using Seedance; namespace Shared; [SeedanceClient] public partial class LibraryClient { }"));
        var libraryReference = library.ToMetadataReference();

        var app = GeneratorHarness.CreateCompilation(
                $$"""
                using Seedance;
                namespace {{referencingNamespace}};
                [SeedanceClient] public partial class AppClient { }
                public static class Use
                {
                    public static object Make() => new Shared.TextToVideoRequest { Prompt = "A frog." };
                    public static object MakeLocal() => new TextToVideoRequest { Prompt = "A frog." };
                }
                """)
            .AddReferences(libraryReference);
        var (result, output) = GeneratorHarness.Run(app);

        Assert.Null(result.Results.Single().Exception);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
        var reused = referencingNamespace == "Shared";
        Assert.Equal(!reused, result.Results.Single().GeneratedSources.Any(s => s.HintName == referencingNamespace + ".TextToVideoRequest.g.cs"));
    }
}
