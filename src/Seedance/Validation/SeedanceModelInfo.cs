using System;
using System.Collections.Generic;
using Seedance.Rules;

namespace Seedance;

/// <summary>One model of a <see cref="SeedanceModelCatalog"/>: its ID, family, limits and defaults.</summary>
public sealed class SeedanceModelInfo
{
    private readonly ModelSpec _spec;

    internal SeedanceModelInfo(ModelSpec spec)
    {
        _spec = spec;
        Qualities = spec.Qualities.AsImmutableArray();
        AspectRatios = spec.AspectRatios.AsImmutableArray();
    }

    /// <summary>The model ID sent as <c>model</c>.</summary>
    public string Id => _spec.Id;

    /// <summary>The stem of the generated names (<c>ReferenceToVideo</c> → <c>ReferenceToVideoRequest</c>).</summary>
    public string Name => _spec.Name;

    /// <summary><c>text-to-video</c>, <c>image-to-video</c> or <c>reference-to-video</c>.</summary>
    public string Family => _spec.Family;

    /// <summary><c>standard</c>, <c>fast</c> or <c>mini</c>.</summary>
    public string Tier => _spec.Tier;

    /// <summary><c>available</c>, <c>announced</c> or <c>deprecated</c>.</summary>
    public string Status => _spec.Status;

    /// <summary>What the model is for.</summary>
    public string Description => _spec.Description;

    /// <summary>Shortest duration in seconds.</summary>
    public int MinDuration => _spec.MinDuration;

    /// <summary>Longest duration in seconds.</summary>
    public int MaxDuration => _spec.MaxDuration;

    /// <summary>Duration used when a request sets none.</summary>
    public int DefaultDuration => _spec.DefaultDuration;

    /// <summary>Supported qualities.</summary>
    public IReadOnlyList<string> Qualities { get; }

    /// <summary>Quality used when a request sets none.</summary>
    public string DefaultQuality => _spec.DefaultQuality;

    /// <summary>Supported aspect ratios.</summary>
    public IReadOnlyList<string> AspectRatios { get; }

    /// <summary>Aspect ratio used when a request sets none.</summary>
    public string DefaultAspectRatio => _spec.DefaultAspectRatio;

    /// <summary>Fewest images a request must attach.</summary>
    public int MinImages => _spec.Image.Min;

    /// <summary>Most images a request may attach.</summary>
    public int MaxImages => _spec.Image.Max;

    /// <summary>Most videos a request may attach.</summary>
    public int MaxVideos => _spec.Video.Max;

    /// <summary>Most audio clips a request may attach.</summary>
    public int MaxAudios => _spec.Audio.Max;

    /// <summary>Most files a request may attach in all.</summary>
    public int MaxTotalAssets => _spec.MaxTotalAssets;

    /// <summary>Whether audio needs at least one image or video beside it.</summary>
    public bool RequiresVisualAnchor => _spec.RequireVisualAnchor;

    /// <summary>Prompt limit in English words.</summary>
    public int MaxEnglishWords => _spec.MaxEnglishWords;

    /// <summary>Prompt limit in Chinese characters.</summary>
    public int MaxChineseCharacters => _spec.MaxChineseCharacters;

    /// <summary>
    /// The estimated price in US dollars of <paramref name="seconds"/> of output at <paramref name="quality"/>,
    /// from the matrix's prices (an estimate that may be out of date), or null when the matrix has none.
    /// </summary>
    public decimal? EstimateCost(int seconds, string quality)
    {
        foreach (var price in _spec.Prices)
        {
            if (string.Equals(price.Quality, quality, StringComparison.Ordinal)) return Math.Round((decimal)price.PerSecond * seconds, 4);
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
