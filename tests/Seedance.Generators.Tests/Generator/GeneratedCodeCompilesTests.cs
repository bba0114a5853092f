using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Generator;

public sealed class GeneratedCodeCompilesTests
{
    [Fact]
    public void Code_using_every_generated_type_and_method_compiles_without_errors_or_warnings()
    {
        var matrix = MatrixReader.Read(GeneratorHarness.ReadRepoFile("schema/seedance.models.json")).Matrix!;
        var usage = new StringBuilder("""
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Seedance;

            namespace MyApp;

            public static class Usage
            {
                public static async Task RunAsync(HttpClient http, IProgress<VideoTask> progress, CancellationToken ct)
                {
                    var client = new VideoClient(http, new SeedanceClientOptions { ApiKey = "test" });
                    VideoTask raw = await client.SubmitAsync(new SeedanceRequest(SeedanceModelTable.TextToVideo, "A frog on a leaf."), ct);
                    VideoTask read = await client.GetTaskAsync(raw.Id, ct);
                    VideoTask waited = await client.WaitForCompletionAsync(read.Id, progress, ct);
                    SeedanceModelCatalog models = VideoClient.Models;
                    _ = (waited, models);

            """);
        foreach (var model in matrix.Models)
        {
            var type = model.Name + "Request";
            usage.AppendLine($$"""
                        var {{model.Name}} = new {{type}} { Prompt = "A frog on a leaf." };
                        string id{{model.Name}} = {{type}}.ModelId;
                        SeedanceRequest wire{{model.Name}} = {{model.Name}}.ToSeedanceRequest();
                        {{model.Name}}.Validate();
                        _ = {{model.Name}}.Check().Count + {{model.Name}}.Duration + {{model.Name}}.Quality.Value.Length + {{model.Name}}.AspectRatio.Value.Length;
                        _ = (id{{model.Name}}, wire{{model.Name}}, {{model.Name}} with { Duration = 6 });
                        VideoTask submitted{{model.Name}} = await client.Submit{{model.Name}}Async({{model.Name}}, ct);
                        VideoTask generated{{model.Name}} = await client.Generate{{model.Name}}Async({{model.Name}}, progress, ct);
                        _ = (submitted{{model.Name}}, generated{{model.Name}});
                """);
        }
        usage.AppendLine("        }\n}");

        var (result, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient, usage.ToString()));

        Assert.Null(result.Results.Single().Exception);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems.Select(p => p.ToString())));
    }
}
