using System;

namespace Seedance.Rules;

/// <summary>The three kinds of reference asset; values match <c>Seedance.SeedanceAssetKind</c>.</summary>
internal enum AssetKind
{
    Image = 0,
    Video = 1,
    Audio = 2,
}

/// <summary>How many assets of one kind a model takes, and which file extensions it accepts.</summary>
/// <param name="PositionalRoles">Roles given by position alone (image-to-video: first frame, last frame).</param>
internal sealed record AssetLimits(int Min, int Max, EquatableArray<string> Extensions, EquatableArray<string> PositionalRoles);

/// <summary>An extra request field of a model, such as <c>generate_audio</c> or <c>model_params.web_search</c>.</summary>
/// <param name="WireName">The JSON name; a dotted name nests under <c>model_params</c>.</param>
/// <param name="Type">One of <c>boolean</c>, <c>string</c>, <c>integer</c>, <c>number</c>.</param>
/// <param name="Default">The default, or null for none.</param>
internal sealed record FieldSpec(string WireName, string Property, string Type, FieldDefault? Default, string Description);

/// <summary>
/// A field's default as the matrix gives it, already of the field's type: <see cref="Boolean"/> for
/// <c>boolean</c>, <see cref="String"/> for <c>string</c>, <see cref="Number"/> for <c>integer</c> (an Int32)
/// and <c>number</c>.
/// </summary>
internal sealed record FieldDefault(bool Boolean = false, string? String = null, double Number = 0);

/// <summary>The price of one second of output at one quality, in US dollars (an estimate from the fact sheet).</summary>
internal sealed record PriceSpec(string Quality, double PerSecond);

/// <summary>One model of the matrix: everything the generator emits and the rules check. Value equality throughout.</summary>
internal sealed record ModelSpec(
    string Id,
    string Name,
    string Family,
    string Tier,
    string Status,
    string Description,
    AssetLimits Image,
    AssetLimits Video,
    AssetLimits Audio,
    int MaxTotalAssets,
    bool RequireVisualAnchor,
    int MinDuration,
    int MaxDuration,
    int DefaultDuration,
    EquatableArray<string> Qualities,
    string DefaultQuality,
    EquatableArray<string> AspectRatios,
    string DefaultAspectRatio,
    bool PromptRequired,
    int MaxEnglishWords,
    int MaxChineseCharacters,
    EquatableArray<FieldSpec> Fields,
    EquatableArray<PriceSpec> Prices)
{
    public AssetLimits Limits(AssetKind kind) => kind switch
    {
        AssetKind.Image => Image,
        AssetKind.Video => Video,
        _ => Audio,
    };

    public bool AcceptsAssets => Image.Max > 0 || Video.Max > 0 || Audio.Max > 0;

    public bool SupportsQuality(string quality) => Contains(Qualities, quality);

    public bool SupportsAspectRatio(string ratio) => Contains(AspectRatios, ratio);

    private static bool Contains(EquatableArray<string> values, string value)
    {
        foreach (var v in values)
        {
            if (string.Equals(v, value, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

/// <summary>The models the rules check against, one <see cref="ModelSpec"/> each.</summary>
internal sealed record ModelMatrix(EquatableArray<ModelSpec> Models)
{
    public ModelSpec? Find(string? id)
    {
        if (id is null) return null;
        foreach (var model in Models)
        {
            if (string.Equals(model.Id, id, StringComparison.Ordinal)) return model;
        }
        return null;
    }

    /// <summary>The available model of <paramref name="family"/> in <paramref name="tier"/>, if the matrix has one.</summary>
    public ModelSpec? Find(string family, string tier)
    {
        foreach (var model in Models)
        {
            if (model.Family == family && model.Tier == tier && model.Status == ModelStatus.Available) return model;
        }
        return null;
    }
}

internal static class ModelFamily
{
    public const string TextToVideo = "text-to-video";
    public const string ImageToVideo = "image-to-video";
    public const string ReferenceToVideo = "reference-to-video";
}

internal static class ModelStatus
{
    public const string Available = "available";
    public const string Announced = "announced";
    public const string Deprecated = "deprecated";
}
