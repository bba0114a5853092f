using System.Linq;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Generator;

public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void Default_matrix_generates_the_snapshotted_files()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient));
        var generated = result.Results.Single();

        Assert.Null(generated.Exception);
        Assert.Empty(generated.Diagnostics);
        var names = generated.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "MyApp.FastImageToVideoRequest.g.cs", "MyApp.FastReferenceToVideoRequest.g.cs", "MyApp.FastTextToVideoRequest.g.cs",
                "MyApp.ImageToVideoRequest.g.cs", "MyApp.MiniImageToVideoRequest.g.cs", "MyApp.MiniReferenceToVideoRequest.g.cs",
                "MyApp.MiniTextToVideoRequest.g.cs", "MyApp.ReferenceToVideoRequest.g.cs", "MyApp.SeedanceModelTable.g.cs",
                "MyApp.TextToVideoRequest.g.cs", "MyApp.VideoClient.g.cs",
            ],
            names);
        foreach (var source in generated.GeneratedSources)
        {
            Snapshot.Match("Default/" + source.HintName, source.SourceText.ToString());
        }
    }
}
