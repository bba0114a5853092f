using System.Threading.Tasks;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;
using Verify = Seedance.Generators.Tests.Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.RequestFileAnalyzer>;
using VerifyMatrix = Seedance.Generators.Tests.Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.MatrixFileAnalyzer>;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>Request bodies kept as *.seedance.json files, and the matrix file itself.</summary>
public sealed class RequestFileTests
{
    private const string Code = "namespace MyApp; class C { }";

    [Fact]
    public Task Json_request_files_get_the_same_rules_at_their_line_and_column() => Verify.VerifyWithFilesAsync(Code,
    [
        ("/0/tokyo.seedance.json", """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "Use {|SEED0001:@Image1|} for the style; {|SEED0004:image 3|} is the rider. She says: {|SEED0013:\u201CGo.\u201D|}",
              "image_urls": ["https://example.com/a.jpg", {|SEED0011:"https://example.com/b.png"|}],
              "duration": {|SEED0007:20|},
              "quality": {|SEED0002:"1080p"|},
              "aspect_ratio": {|SEED0009:"2:1"|}
            }
            """),
    ]);

    [Fact]
    public Task A_correct_request_file_produces_nothing() => Verify.VerifyWithFilesAsync(Code,
    [
        ("/0/frog.seedance.json", """
            {
              "$schema": "../schema/seedance.request.schema.json",
              "model": "seedance-2.0-text-to-video",
              "prompt": "A macro lens focuses on a green glass frog on a leaf.",
              "duration": 8,
              "quality": "720p",
              "aspect_ratio": "16:9"
            }
            """),
        ("/0/not-json.seedance.json", "{ this is not json"),
    ]);

    [Fact]
    public Task Bare_model_id_in_a_request_file() => Verify.VerifyWithFilesAsync(Code,
    [
        ("/0/bare.seedance.json", """{ "model": {|SEED0003:"seedance-2.0"|}, "prompt": "A frog." }"""),
    ]);

    [Fact]
    public Task An_invalid_matrix_file_is_SEED0015_at_its_line_and_column()
    {
        var matrix = GeneratorHarness.ReadRepoFile("schema/seedance.models.json");
        var at = matrix.IndexOf("\"family\": \"image-to-video\"", System.StringComparison.Ordinal) + "\"family\": ".Length;
        var marked = matrix.Substring(0, at) + "{|SEED0015:\"sound-to-video\"|}" + matrix.Substring(at + "\"image-to-video\"".Length);
        return VerifyMatrix.VerifyWithFilesAsync(Code, [("/0/seedance.models.json", marked)]);
    }

    [Fact]
    public Task Malformed_matrix_json_is_SEED0015_where_parsing_stopped() => VerifyMatrix.VerifyWithFilesAsync(Code,
    [
        ("/0/seedance.models.json", "{\n  \"models\": [\n    {|SEED0015:}|}\n}"),
    ]);
}
