using System.Text.Json.Nodes;
using Json.Schema;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Matrix;

public sealed class MatrixSchemaTests
{
    private static JsonSchema Schema => JsonSchema.FromText(GeneratorHarness.ReadRepoFile("schema/seedance.models.schema.json"));

    [Fact]
    public void Default_matrix_follows_its_json_schema()
    {
        var matrix = JsonNode.Parse(GeneratorHarness.ReadRepoFile("schema/seedance.models.json"));

        var result = Schema.Evaluate(matrix, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", System.Linq.Enumerable.Select(
            System.Linq.Enumerable.Where(result.Details, d => d.HasErrors),
            d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void The_schema_rejects_what_the_reader_rejects()
    {
        var matrix = JsonNode.Parse(GeneratorHarness.ReadRepoFile("schema/seedance.models.json"))!;
        matrix["models"]![0]!["family"] = "sound-to-video";

        Assert.False(Schema.Evaluate(matrix).IsValid);
        Assert.Null(Seedance.Rules.MatrixReader.Read(matrix.ToJsonString()).Matrix);
    }
}
