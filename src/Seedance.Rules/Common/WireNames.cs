namespace Seedance.Rules;

/// <summary>
/// The request body's field names on the wire, once for every part that reads or writes them: the
/// JSON converter, run-time validation, the request-file analyzer, the matrix reader and the generator.
/// </summary>
internal static class WireNames
{
    public const string Model = "model";
    public const string Prompt = "prompt";
    public const string ImageUrls = "image_urls";
    public const string VideoUrls = "video_urls";
    public const string AudioUrls = "audio_urls";
    public const string Duration = "duration";
    public const string Quality = "quality";
    public const string AspectRatio = "aspect_ratio";
    public const string GenerateAudio = "generate_audio";
    public const string CallbackUrl = "callback_url";
    public const string ModelParams = "model_params";

    /// <summary>The fields every request has a property for; a matrix's extra field may not take one of these names.</summary>
    public static readonly string[] RequestFields = [Model, Prompt, ImageUrls, VideoUrls, AudioUrls, Duration, Quality, AspectRatio];

    /// <summary>The field a rule's target is about, or null for the request as a whole.</summary>
    public static string? Of(RuleTarget target) => target switch
    {
        RuleTarget.Model => Model,
        RuleTarget.Prompt => Prompt,
        RuleTarget.Images => ImageUrls,
        RuleTarget.Videos => VideoUrls,
        RuleTarget.Audios => AudioUrls,
        RuleTarget.Duration => Duration,
        RuleTarget.Quality => Quality,
        RuleTarget.AspectRatio => AspectRatio,
        _ => null,
    };
}
