using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Seedance.Serialization;
using Xunit;

namespace Seedance.Client.Tests;

public sealed class SerializationTests
{
    [Fact]
    public void The_request_body_round_trips_with_model_params_and_extra_fields()
    {
        var request = new SeedanceRequest("seedance-2.0-reference-to-video", "Use image 1 as the style.")
        {
            ImageUrls = ["https://example.com/a.jpg"],
            GenerateAudio = true,
            CallbackUrl = "https://example.com/hook",
            ModelParams = new Dictionary<string, JsonElement> { ["web_search"] = SeedanceJsonValues.From(true) },
            AdditionalFields = new Dictionary<string, JsonElement>
            {
                ["seed"] = SeedanceJsonValues.From(7),
                ["prompt"] = SeedanceJsonValues.From("must not be written twice"),
            },
        };

        var json = JsonSerializer.Serialize(request, SeedanceJsonContext.Default.SeedanceRequest);

        Assert.Equal(
            """{"model":"seedance-2.0-reference-to-video","prompt":"Use image 1 as the style.","image_urls":["https://example.com/a.jpg"],"generate_audio":true,"callback_url":"https://example.com/hook","model_params":{"web_search":true},"seed":7}""",
            json);
        var back = JsonSerializer.Deserialize(json, SeedanceJsonContext.Default.SeedanceRequest)!;
        Assert.Equal(request.Model, back.Model);
        Assert.Equal(request.Prompt, back.Prompt);
        Assert.Equal(request.ImageUrls, back.ImageUrls);
        Assert.True(back.ModelParams!["web_search"].GetBoolean());
        Assert.Equal(7, Assert.Single(back.AdditionalFields!).Value.GetInt32());
    }

    [Fact]
    public void The_converter_knows_every_property_of_the_request()
    {
        // The wire names live only in SeedanceRequestJsonConverter; a new property must be added there too
        // (and to the round-trip test above) before this list may change.
        var properties = typeof(SeedanceRequest)
            .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Select(p => p.Name)
            .Order(System.StringComparer.Ordinal);

        Assert.Equal(
            ["AdditionalFields", "AspectRatio", "AudioUrls", "CallbackUrl", "Duration", "GenerateAudio", "ImageUrls", "Model", "ModelParams", "Prompt", "Quality", "VideoUrls"],
            properties);
    }

    [Theory]
    [InlineData("""{"model":"m","prompt":"p","duration":"five"}""")]
    [InlineData("""{"model":"m","prompt":"p","image_urls":"https://x/a.jpg"}""")]
    [InlineData("""{"model":1,"prompt":"p"}""")]
    [InlineData("""[]""")]
    public void Wrong_types_in_a_body_are_JSON_errors(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, SeedanceJsonContext.Default.SeedanceRequest));
}
