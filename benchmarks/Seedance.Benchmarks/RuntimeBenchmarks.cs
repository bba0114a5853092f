using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;

namespace Seedance.Benchmarks;

/// <summary>What a submit costs before the network: our validation plus source-generated serialization, against reflection-based serialization alone.</summary>
[MemoryDiagnoser]
public class RuntimeBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        // The record carries no JSON attributes: the naming policy gives the same wire names.
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SeedanceRequest _request = new(
        "seedance-2.0-reference-to-video",
        "The character's appearance references image 1; replicate video 1's first-person perspective and camera pacing; use audio 1 as background music throughout. Scene: a young rider weaving through rain-soaked Tokyo streets, neon reflections on the asphalt.")
    {
        ImageUrls = ["https://example.com/rider.jpg"],
        VideoUrls = ["https://example.com/pov.mp4"],
        AudioUrls = ["https://example.com/bgm.mp3"],
        Duration = 10,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    [GlobalSetup]
    public void Setup() => SeedanceModelCatalog.Default.Validate(_request);

    [Benchmark(Baseline = true, Description = "reflection JsonSerializer")]
    public string ReflectionSerialize() => JsonSerializer.Serialize(_request, Reflection);

    [Benchmark(Description = "Validate() + source-generated JSON")]
    public string ValidateAndSerialize()
    {
        SeedanceModelCatalog.Default.Validate(_request);
        return _request.ToJson();
    }

    [Benchmark(Description = "Validate() alone")]
    public void Validate() => SeedanceModelCatalog.Default.Validate(_request);
}
