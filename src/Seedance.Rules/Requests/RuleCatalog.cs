using System.Collections.Immutable;

namespace Seedance.Rules;

internal enum RuleSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>What a rule is called and how it reads; analyzer descriptors and run-time messages come from here.</summary>
internal sealed record RuleInfo(string Id, RuleSeverity Severity, string Title, string MessageFormat, string Description);

internal static class RuleCatalog
{
    public static readonly RuleInfo TagSyntax = new(
        RuleIds.TagSyntax, RuleSeverity.Error,
        "Tag syntax in a prompt is not parsed by the API",
        "'{0}' is not Seedance syntax: the API sends it as plain text and ignores the reference; write \"{1}\"",
        "Seedance 2.0 has no @Image1/@Video1/@Audio1 or [Image1] tags. Refer to assets in plain language by kind and 1-based position: \"image 1\", \"video 2\", \"audio 1\".");

    public static readonly RuleInfo UnsupportedQuality = new(
        RuleIds.UnsupportedQuality, RuleSeverity.Error,
        "Quality not supported by the model",
        "Quality '{0}' is not supported by {1}; use one of: {2}",
        "Seedance 2.0 models take only the qualities in the model matrix (480p and 720p); 1080p is rejected.");

    public static readonly RuleInfo UnknownModel = new(
        RuleIds.UnknownModel, RuleSeverity.Error,
        "Unknown model ID",
        "'{0}' is not a known model ID{1}; use a full ID such as {2}",
        "The model ID chooses the mode and there is no auto-detection. The bare \"seedance-2.0\" is a retired placeholder.");

    public static readonly RuleInfo ReferenceOutOfRange = new(
        RuleIds.ReferenceOutOfRange, RuleSeverity.Error,
        "Prompt refers to an asset that is not attached",
        "The prompt refers to {0}, but the request attaches {1}",
        "Assets are referred to by kind and 1-based position in their own array: \"image 3\" needs at least three image URLs.");

    public static readonly RuleInfo NoVisualAnchor = new(
        RuleIds.NoVisualAnchor, RuleSeverity.Error,
        "Audio without a visual anchor",
        "{0} rejects audio without at least one image or video as a visual anchor",
        "Audio-only reference requests are rejected: attach at least one image or one video.");

    public static readonly RuleInfo AssetCount = new(
        RuleIds.AssetCount, RuleSeverity.Error,
        "Asset count outside the model's range",
        "{0} takes {1}; the request attaches {2}",
        "Each model takes a range of images, videos and audio clips, and a total number of files.");

    public static readonly RuleInfo DurationOutOfRange = new(
        RuleIds.DurationOutOfRange, RuleSeverity.Error,
        "Duration outside the model's range",
        "Duration {0} s is outside the {1}–{2} s that {3} takes",
        "Every model takes a duration range in whole seconds.");

    public static readonly RuleInfo PromptTooLong = new(
        RuleIds.PromptTooLong, RuleSeverity.Warning,
        "Prompt over the length limit",
        "The prompt has {0} {1}; {2} takes at most {3}",
        "Prompts are limited to 1000 English words or 500 Chinese characters.");

    public static readonly RuleInfo UnsupportedAspectRatio = new(
        RuleIds.UnsupportedAspectRatio, RuleSeverity.Error,
        "Aspect ratio not supported by the model",
        "Aspect ratio '{0}' is not supported by {1}; use one of: {2}",
        "Each model takes only the aspect ratios in the model matrix.");

    public static readonly RuleInfo UnsupportedAssetUrl = new(
        RuleIds.UnsupportedAssetUrl, RuleSeverity.Warning,
        "Asset URL the API will not take",
        "The API will not take {0} URL '{1}': {2}",
        "Assets are given as http(s) URLs to files in the formats the model accepts; Base64 and data: URIs are not accepted.");

    public static readonly RuleInfo UnreferencedAsset = new(
        RuleIds.UnreferencedAsset, RuleSeverity.Info,
        "Attached asset never referred to by the prompt",
        "{0} is attached but the prompt never refers to it",
        "The prompt names other assets of the same kind by position but not this one, so the model is left to guess its role.");

    public static readonly RuleInfo BetterModel = new(
        RuleIds.BetterModel, RuleSeverity.Info,
        "A cheaper or better-suited model fits",
        "{0} fits this request: {1}",
        "Reference-to-video without assets is better served by text-to-video (cheaper); with only one or two images by image-to-video (dedicated first-frame optimisation).");

    public static readonly RuleInfo UnspokenDialogue = new(
        RuleIds.UnspokenDialogue, RuleSeverity.Warning,
        "Dialogue in quotes that are not spoken",
        "Dialogue in {0} is not spoken: the API speaks only text inside straight double quotes",
        "With generate_audio, the model speaks text inside straight double quotes (\"...\"); curly or single quotes are read as scenery.");

    public static readonly RuleInfo SeveralRoles = new(
        RuleIds.SeveralRoles, RuleSeverity.Warning,
        "One asset given several roles",
        "{0} is given {1} roles ({2}); give each asset one primary role",
        "Making a single asset the first frame, the character and the style at once confuses the model.");

    public static readonly RuleInfo InvalidMatrix = new(
        RuleIds.InvalidMatrix, RuleSeverity.Error,
        "Invalid model matrix",
        "Invalid model matrix: {0}",
        "The model matrix file (seedance.models.json) must be valid JSON that follows seedance.models.schema.json; while it is invalid no request types are generated.");

    public static readonly ImmutableArray<RuleInfo> All = ImmutableArray.Create(
        TagSyntax, UnsupportedQuality, UnknownModel, ReferenceOutOfRange, NoVisualAnchor, AssetCount, DurationOutOfRange,
        PromptTooLong, UnsupportedAspectRatio, UnsupportedAssetUrl, UnreferencedAsset, BetterModel, UnspokenDialogue,
        SeveralRoles, InvalidMatrix);
}
