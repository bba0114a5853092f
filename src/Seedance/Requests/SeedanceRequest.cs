using System.Collections.Generic;
using System.Text.Json;

namespace Seedance;

/// <summary>
/// A video-generation request in the API's own shape, for any model ID. The generated request records
/// (<c>TextToVideoRequest</c>, …) convert to this type; use it directly for a model the matrix does not
/// list. Serialized with the API's field names (defined once, by the serializer of the client);
/// null fields are omitted.
/// </summary>
public sealed record SeedanceRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="model">The full model ID, such as <c>seedance-2.0-text-to-video</c>.</param>
    /// <param name="prompt">The prompt: scene description and the role of each attached asset.</param>
    public SeedanceRequest([SeedanceModelId] string model, [SeedancePrompt] string prompt)
    {
        Model = model;
        Prompt = prompt;
    }

    /// <summary>The full model ID; it chooses the mode (there is no auto-detection).</summary>
    [SeedanceModelId]
    public string Model { get; init; }

    /// <summary>The prompt; refer to assets as "image 1", "video 2", "audio 1".</summary>
    [SeedancePrompt]
    public string Prompt { get; init; }

    /// <summary>Image URLs (JPEG, PNG, WebP); "image 1" in the prompt is the first.</summary>
    [SeedanceAssets(SeedanceAssetKind.Image)]
    public IReadOnlyList<string>? ImageUrls { get; init; }

    /// <summary>Video URLs (MP4, MOV); "video 1" in the prompt is the first.</summary>
    [SeedanceAssets(SeedanceAssetKind.Video)]
    public IReadOnlyList<string>? VideoUrls { get; init; }

    /// <summary>Audio URLs (WAV, MP3); "audio 1" in the prompt is the first.</summary>
    [SeedanceAssets(SeedanceAssetKind.Audio)]
    public IReadOnlyList<string>? AudioUrls { get; init; }

    /// <summary>Length of the output in seconds.</summary>
    public int? Duration { get; init; }

    /// <summary>Output quality, such as <c>720p</c>.</summary>
    public VideoQuality? Quality { get; init; }

    /// <summary>Output aspect ratio, such as <c>16:9</c>.</summary>
    public AspectRatio? AspectRatio { get; init; }

    /// <summary>Whether to generate a soundtrack (text in straight double quotes is spoken).</summary>
    public bool? GenerateAudio { get; init; }

    /// <summary>HTTPS URL that receives the task when it completes, fails or is cancelled.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Model-specific parameters, sent as the <c>model_params</c> object (for example <c>web_search</c>).</summary>
    public IReadOnlyDictionary<string, JsonElement>? ModelParams { get; init; }

    /// <summary>The request body exactly as the client sends it (the API's field names, nulls omitted).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Serialization.SeedanceJsonContext.Default.SeedanceRequest);

    /// <summary>Further top-level fields, for fields a custom model matrix adds.</summary>
    public Dictionary<string, JsonElement>? AdditionalFields { get; init; }
}
