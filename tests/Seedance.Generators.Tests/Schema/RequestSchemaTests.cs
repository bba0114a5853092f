using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Schema;

/// <summary>
/// <c>schema/seedance.request.schema.json</c>: derived from the matrix by <see cref="RequestSchemaBuilder"/>,
/// it accepts the provider guide's ten templates and rejects the mistakes the analyzers report.
/// </summary>
public sealed class RequestSchemaTests
{
    private const string RegenerateHint =
        "Regenerate it with: SEEDANCE_UPDATE_SNAPSHOTS=1 dotnet test tests/Seedance.Generators.Tests --filter RequestSchema — then review and commit it.";

    private static readonly Lazy<JsonSchema> CommittedSchema = new(() => JsonSchema.FromText(GeneratorHarness.ReadRepoFile(RequestSchemaBuilder.SchemaPath)));

    [Fact]
    public void The_committed_schema_is_the_one_derived_from_the_matrix()
    {
        var derived = RequestSchemaBuilder.BuildText(GeneratorHarness.ReadRepoFile(RequestSchemaBuilder.MatrixPath));
        var path = Path.Combine(TestPaths.RepoRoot, RequestSchemaBuilder.SchemaPath);
        if (Environment.GetEnvironmentVariable("SEEDANCE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, derived);
            return;
        }

        Assert.True(File.Exists(path), $"{RequestSchemaBuilder.SchemaPath} does not exist. {RegenerateHint}");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n");
        if (committed == derived) return;

        var committedLines = committed.Split('\n');
        var derivedLines = derived.Split('\n');
        var line = 0;
        while (line < committedLines.Length && line < derivedLines.Length && committedLines[line] == derivedLines[line]) line++;
        Assert.Fail(
            $"{RequestSchemaBuilder.SchemaPath} is out of date with {RequestSchemaBuilder.MatrixPath}; first difference at line {line + 1}:\n" +
            $"  committed: {(line < committedLines.Length ? committedLines[line] : "<end of file>")}\n" +
            $"  derived:   {(line < derivedLines.Length ? derivedLines[line] : "<end of file>")}\n" +
            RegenerateHint);
    }

    [Fact]
    public void The_derivation_is_deterministic()
    {
        var matrix = GeneratorHarness.ReadRepoFile(RequestSchemaBuilder.MatrixPath);

        Assert.Equal(RequestSchemaBuilder.BuildText(matrix), RequestSchemaBuilder.BuildText(matrix));
    }

    [Fact]
    public void The_schema_is_valid_json_schema_2020_12()
    {
        var schema = JsonNode.Parse(GeneratorHarness.ReadRepoFile(RequestSchemaBuilder.SchemaPath));

        var result = MetaSchemas.Draft202012.Evaluate(schema, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Every_model_of_the_matrix_has_one_branch()
    {
        var matrix = ReadMatrix();
        var schema = JsonNode.Parse(GeneratorHarness.ReadRepoFile(RequestSchemaBuilder.SchemaPath))!;

        var ids = matrix.Models.Select(m => m.Id).ToArray();
        Assert.Equal(ids, schema["properties"]!["model"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(ids, schema["$defs"]!.AsObject().Select(p => p.Key));
        Assert.Equal(ids.Select(id => "#/$defs/" + id), schema["allOf"]!.AsArray().Select(n => n!["then"]!["$ref"]!.GetValue<string>()));
    }

    [Fact]
    public void The_smallest_body_of_every_model_validates()
    {
        foreach (var model in ReadMatrix().Models)
        {
            var body = new JsonObject
            {
                ["$schema"] = "../schema/seedance.request.schema.json",
                ["model"] = model.Id,
                ["prompt"] = "A frog on a leaf.",
            };
            if (model.Image.Min > 0)
            {
                body["image_urls"] = new JsonArray(Enumerable.Range(1, model.Image.Min).Select(i => (JsonNode?)$"https://example.com/{i}.jpg").ToArray());
            }

            var result = Evaluate(body);

            Assert.True(result.IsValid, $"{model.Id}: {Describe(result)}");
        }
    }

    public static TheoryData<string> TemplateNames() => new(GuideTemplates.Keys);

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void A_template_of_the_guide_validates(string name)
    {
        var body = JsonNode.Parse(GuideTemplates[name])!.AsObject();

        var result = Evaluate(body);

        Assert.True(result.IsValid, $"{name}: {Describe(result)}");
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void A_template_of_the_guide_validates_with_a_schema_line(string name)
    {
        var body = new JsonObject { ["$schema"] = "../schema/seedance.request.schema.json" };
        foreach (var pair in JsonNode.Parse(GuideTemplates[name])!.AsObject()) body[pair.Key] = pair.Value?.DeepClone();

        var result = Evaluate(body);

        Assert.True(result.IsValid, $"{name}: {Describe(result)}");
    }

    public static TheoryData<string, string, string, string> Mistakes() => new()
    {
        {
            "quality 1080p",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "quality": "1080p" }""",
            "/quality", "enum"
        },
        {
            "the bare seedance-2.0",
            """{ "model": "seedance-2.0", "prompt": "A frog on a leaf." }""",
            "/model", "enum"
        },
        {
            "10 images on reference-to-video",
            """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "The style follows the provided images.",
              "image_urls": [
                "https://example.com/1.jpg", "https://example.com/2.jpg", "https://example.com/3.jpg", "https://example.com/4.jpg",
                "https://example.com/5.jpg", "https://example.com/6.jpg", "https://example.com/7.jpg", "https://example.com/8.jpg",
                "https://example.com/9.jpg", "https://example.com/10.jpg"
              ]
            }
            """,
            "/image_urls", "maxItems"
        },
        {
            "an image on text-to-video",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "image_urls": ["https://example.com/frog.jpg"] }""",
            "/image_urls", "false"
        },
        {
            "an empty image list on text-to-video",
            """{ "model": "seedance-2.0-fast-text-to-video", "prompt": "A frog on a leaf.", "image_urls": [] }""",
            "/image_urls", "false"
        },
        {
            "a video on image-to-video",
            """{ "model": "seedance-2.0-image-to-video", "prompt": "Image 1 opens the scene.", "image_urls": ["https://example.com/a.jpg"], "video_urls": ["https://example.com/a.mp4"] }""",
            "/video_urls", "false"
        },
        {
            "image-to-video without image_urls",
            """{ "model": "seedance-2.0-image-to-video", "prompt": "The person smiles." }""",
            "", "required"
        },
        {
            "image-to-video with three images",
            """{ "model": "seedance-2.0-mini-image-to-video", "prompt": "From image 1 to image 2.", "image_urls": ["https://example.com/1.jpg", "https://example.com/2.jpg", "https://example.com/3.jpg"] }""",
            "/image_urls", "maxItems"
        },
        {
            "duration 20",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "duration": 20 }""",
            "/duration", "maximum"
        },
        {
            "duration 7.5",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "duration": 7.5 }""",
            "/duration", "type"
        },
        {
            "an unknown field",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "resolution": "720p" }""",
            "/resolution", "false"
        },
        {
            "a model parameter of another model",
            """{ "model": "seedance-2.0-mini-text-to-video", "prompt": "A frog on a leaf.", "model_params": { "web_search": true } }""",
            "/model_params", "false"
        },
        {
            "an unknown model parameter",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "model_params": { "web_search": true, "seed": 4 } }""",
            "/model_params/seed", "false"
        },
        {
            "an extra field of the wrong type",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "generate_audio": "yes" }""",
            "/generate_audio", "type"
        },
        {
            "a data: URL",
            """{ "model": "seedance-2.0-image-to-video", "prompt": "Use the provided image as the first frame.", "image_urls": ["data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"] }""",
            "/image_urls/0", "pattern"
        },
        {
            "an ftp URL",
            """{ "model": "seedance-2.0-reference-to-video", "prompt": "Replicate video 1's camera.", "video_urls": ["ftp://example.com/orbit.mp4"] }""",
            "/video_urls/0", "pattern"
        },
        {
            "an unsupported aspect ratio",
            """{ "model": "seedance-2.0-text-to-video", "prompt": "A frog on a leaf.", "aspect_ratio": "2:1" }""",
            "/aspect_ratio", "enum"
        },
        {
            "no prompt",
            """{ "model": "seedance-2.0-text-to-video", "duration": 5 }""",
            "", "required"
        },
        {
            "audio with no visual anchor",
            """{ "model": "seedance-2.0-reference-to-video", "prompt": "Use audio 1 as the soundtrack. Scene: waves at night.", "audio_urls": ["https://example.com/a.mp3"] }""",
            "", "required"
        },
        {
            "no model",
            """{ "prompt": "A frog on a leaf." }""",
            "", "required"
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_fails_at_its_location(string mistake, string json, string location, string keyword)
    {
        var result = Evaluate(JsonNode.Parse(json)!.AsObject());

        Assert.False(result.IsValid, mistake);
        var errors = Errors(result);
        Assert.True(errors.Contains((location, keyword)), $"{mistake}: expected a \"{keyword}\" error at \"{location}\"; got {Describe(result)}");
    }

    [Fact]
    public void Audio_with_a_visual_anchor_and_an_empty_audio_list_are_fine()
    {
        var withVideo = JsonNode.Parse("""{ "model": "seedance-2.0-fast-reference-to-video", "prompt": "Video 1 drives the camera; audio 1 is the music.", "video_urls": ["https://example.com/a.mp4"], "audio_urls": ["https://example.com/a.mp3"] }""")!.AsObject();
        var emptyAudio = JsonNode.Parse("""{ "model": "seedance-2.0-reference-to-video", "prompt": "A frog on a leaf.", "audio_urls": [] }""")!.AsObject();

        Assert.True(Evaluate(withVideo).IsValid, Describe(Evaluate(withVideo)));
        Assert.True(Evaluate(emptyAudio).IsValid, Describe(Evaluate(emptyAudio)));
    }

    [Fact]
    public void A_custom_matrix_gives_its_own_branches()
    {
        var matrix = JsonNode.Parse(GeneratorHarness.ReadRepoFile(RequestSchemaBuilder.MatrixPath))!;
        var extra = matrix["models"]![0]!.DeepClone();
        extra["id"] = "seedance-2.1-text-to-video";
        extra["duration"]!["max"] = 20;
        extra["quality"]!["values"] = new JsonArray("480p", "720p", "1080p");
        extra["fields"]!.AsArray().Add(new JsonObject { ["name"] = "model_params.seed", ["type"] = "integer", ["default"] = 7 });
        matrix["models"]!.AsArray().Add(extra);

        var schema = JsonSchema.FromText(RequestSchemaBuilder.BuildText(matrix.ToJsonString()));
        var body = JsonNode.Parse("""{ "model": "seedance-2.1-text-to-video", "prompt": "A frog.", "duration": 20, "quality": "1080p", "model_params": { "seed": 3, "web_search": false } }""");

        var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Describe(result));
        Assert.False(schema.Evaluate(JsonNode.Parse("""{ "model": "seedance-2.0-text-to-video", "prompt": "A frog.", "duration": 20 }""")).IsValid);
    }

    private static EvaluationResults Evaluate(JsonObject body) =>
        CommittedSchema.Value.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static ModelMatrix ReadMatrix() =>
        MatrixReader.Read(GeneratorHarness.ReadRepoFile(RequestSchemaBuilder.MatrixPath)).Matrix ?? throw new InvalidOperationException("The committed matrix is invalid.");

    /// <summary>(instance location, keyword) of each error; a false schema's error is named "false".</summary>
    private static HashSet<(string Location, string Keyword)> Errors(EvaluationResults result)
    {
        var errors = new HashSet<(string, string)>();
        foreach (var (detail, keyword, _) in ErrorList(result)) errors.Add((detail.InstanceLocation.ToString(), keyword));
        return errors;
    }

    private static string Describe(EvaluationResults result) =>
        result.IsValid
            ? "valid"
            : string.Join("\n", ErrorList(result).Select(e => $"  {e.Detail.InstanceLocation} [{e.Keyword}] at {e.Detail.EvaluationPath}: {e.Message}"));

    /// <summary>
    /// The errors of an evaluation, without those of the model dispatch's <c>if</c> conditions: a failed
    /// condition only means another model's branch does not apply.
    /// </summary>
    private static IEnumerable<(EvaluationResults Detail, string Keyword, string Message)> ErrorList(EvaluationResults result) =>
        result.Details.Prepend(result)
            .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Select(e => (d, e.Key.Length == 0 ? "false" : e.Key, e.Value)));

    /// <summary>The ten request bodies of the provider's guide (seedance-2.0-reference-guide, section 3), verbatim.</summary>
    private static readonly IReadOnlyDictionary<string, string> GuideTemplates = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["01 single image as first frame"] = """
            {
              "model": "seedance-2.0-image-to-video",
              "prompt": "Use the provided image as the first frame. The camera slowly pushes in, the person lifts her head and smiles, wind moves her hair gently.",
              "image_urls": ["https://example.com/portrait.jpg"],
              "duration": 5,
              "quality": "720p"
            }
            """,
        ["02 first-last-frame transition"] = """
            {
              "model": "seedance-2.0-image-to-video",
              "prompt": "Smoothly transition from the first image to the second. Use camera panning and lighting changes to bridge the two scenes.",
              "image_urls": [
                "https://example.com/sunrise.jpg",
                "https://example.com/sunset.jpg"
              ],
              "duration": 6,
              "quality": "720p",
              "aspect_ratio": "16:9"
            }
            """,
        ["03 art style transfer"] = """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "The overall art style references the color palette, lighting, and texture of the 3 provided images. Scene: a small-town summer market at dusk, crowds moving through warm amber light.",
              "image_urls": [
                "https://example.com/style-1.jpg",
                "https://example.com/style-2.jpg",
                "https://example.com/style-3.jpg"
              ],
              "duration": 8,
              "quality": "720p",
              "aspect_ratio": "16:9"
            }
            """,
        ["04 character consistency"] = """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "The female character's appearance stays consistent with image 1. Scene: she walks into a vintage cafe, orders a latte, sits by the window, and opens a book.",
              "image_urls": ["https://example.com/character-ref.jpg"],
              "duration": 8,
              "quality": "720p",
              "aspect_ratio": "16:9"
            }
            """,
        ["05 camera replication"] = """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "Replicate video 1's orbital camera movement and velocity curve. Subject replaced with a classical sculpture in a museum hall at dusk.",
              "video_urls": ["https://example.com/orbit-shot.mp4"],
              "duration": 8,
              "quality": "720p",
              "aspect_ratio": "16:9"
            }
            """,
        ["06 music-driven pacing"] = """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "Use audio 1 as the soundtrack for the entire video; shot changes sync with the beat. Scene: fast cuts of city night life — neon, raindrops, silhouettes, cab headlights flashing past.",
              "image_urls": ["https://example.com/city-mood.jpg"],
              "audio_urls": ["https://example.com/synthwave.mp3"],
              "duration": 10,
              "quality": "720p"
            }
            """,
        ["07 full three-modal composition"] = """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "The character's appearance references image 1; replicate video 1's first-person perspective and camera pacing; use audio 1 as background music throughout. Scene: a young rider weaving through rain-soaked Tokyo streets, neon reflections on the asphalt.",
              "image_urls": ["https://example.com/rider.jpg"],
              "video_urls": ["https://example.com/pov.mp4"],
              "audio_urls": ["https://example.com/bgm.mp3"],
              "duration": 10,
              "quality": "720p",
              "aspect_ratio": "16:9"
            }
            """,
        ["08 product ad"] = """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "The sneaker's appearance stays identical to image 1 — upper color, laces, and logo all match. Scene: the shoe rotates slowly on a transparent acrylic pedestal, soft studio lighting, gray gradient background.",
              "image_urls": ["https://example.com/sneaker.jpg"],
              "duration": 6,
              "quality": "720p",
              "aspect_ratio": "1:1"
            }
            """,
        ["09 pure text"] = """
            {
              "model": "seedance-2.0-text-to-video",
              "prompt": "A macro lens focuses on a green glass frog on a leaf. The focus gradually shifts from its smooth skin to its completely transparent abdomen, where a bright red heart is beating powerfully and rhythmically.",
              "duration": 8,
              "quality": "720p",
              "aspect_ratio": "16:9"
            }
            """,
        ["10 dialogue generation"] = """
            {
              "model": "seedance-2.0-text-to-video",
              "prompt": "She stops, turns to the boy, and says: \"You finally understood.\" Close-up on her face, expression shifting from determination to warmth.",
              "duration": 6,
              "quality": "720p",
              "generate_audio": true
            }
            """,
    };
}
