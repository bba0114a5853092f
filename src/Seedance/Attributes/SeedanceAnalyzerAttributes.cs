using System;

namespace Seedance;

/// <summary>The kind of asset a URL list holds.</summary>
public enum SeedanceAssetKind
{
    /// <summary>Image URLs (<c>image_urls</c>).</summary>
    Image = 0,

    /// <summary>Video URLs (<c>video_urls</c>).</summary>
    Video = 1,

    /// <summary>Audio URLs (<c>audio_urls</c>).</summary>
    Audio = 2,
}

/// <summary>
/// Names the model a request type is for. The analyzers check object creations of the type against
/// that model's limits; generated request records carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class SeedanceModelAttribute : Attribute
{
    /// <summary>Creates the attribute for <paramref name="modelId"/>.</summary>
    public SeedanceModelAttribute(string modelId) => ModelId = modelId;

    /// <summary>The full model ID, such as <c>seedance-2.0-reference-to-video</c>.</summary>
    public string ModelId { get; }
}

/// <summary>Marks a property or parameter that holds a prompt; the analyzers check constant prompts.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class SeedancePromptAttribute : Attribute
{
}

/// <summary>Marks a property or parameter that holds a model ID; the analyzers check constant IDs (SEED0003).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class SeedanceModelIdAttribute : Attribute
{
}

/// <summary>Marks a property or parameter that holds asset URLs of one kind; the analyzers count and check them.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, Inherited = true, AllowMultiple = false)]
public sealed class SeedanceAssetsAttribute : Attribute
{
    /// <summary>Creates the attribute for URLs of <paramref name="kind"/>.</summary>
    public SeedanceAssetsAttribute(SeedanceAssetKind kind) => Kind = kind;

    /// <summary>The kind of asset the URLs point to.</summary>
    public SeedanceAssetKind Kind { get; }
}
