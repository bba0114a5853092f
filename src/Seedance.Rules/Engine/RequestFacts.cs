using System;
using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>What is known about one kind of asset list: its count and each URL, where they are known.</summary>
internal readonly struct AssetFacts : IEquatable<AssetFacts>
{
    private AssetFacts(int count, IReadOnlyList<string?>? urls)
    {
        Count = count;
        Urls = urls;
    }

    /// <summary>Nothing is known (a list built at run time, or a <c>with</c> expression's inherited value).</summary>
    public static AssetFacts Unknown => new(-1, null);

    /// <summary>No list was given: zero assets.</summary>
    public static AssetFacts None => new(0, null);

    /// <summary>A list of known length; a null item is a URL that is not a compile-time constant.</summary>
    public static AssetFacts Of(IReadOnlyList<string?> urls) => new(urls.Count, urls);

    /// <summary>The number of assets, or -1 when it is not known.</summary>
    public int Count { get; }

    public IReadOnlyList<string?>? Urls { get; }

    public bool IsKnown => Count >= 0;

    public bool Equals(AssetFacts other)
    {
        if (Count != other.Count) return false;
        if (Urls is null || other.Urls is null) return Urls is null && other.Urls is null;
        for (var i = 0; i < Urls.Count; i++)
        {
            if (!string.Equals(Urls[i], other.Urls[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is AssetFacts other && Equals(other);

    public override int GetHashCode()
    {
        var hash = Count;
        if (Urls is not null)
        {
            // An index loop: enumerating the IReadOnlyList would allocate an enumerator per hash.
            for (var i = 0; i < Urls.Count; i++) hash = unchecked(hash * 31 + (Urls[i] is { } url ? StringComparer.Ordinal.GetHashCode(url) : 0));
        }
        return hash;
    }
}

/// <summary>
/// The facts about one request that a front end could establish: an analyzer from constants, the JSON
/// checker from a request file, the runtime from the actual values. Unknown facts are null (or
/// <see cref="AssetFacts.Unknown"/>) and the rules that need them stay silent.
/// </summary>
/// <remarks>Immutable and compared by value: the analyzer caches the rules' outcome by these facts.</remarks>
internal sealed record RequestFacts
{
    public string? ModelId { get; init; }

    public string? Prompt { get; init; }

    /// <summary>False when part of the prompt is only known at run time (an interpolation hole): rules that need the whole text stay silent.</summary>
    public bool PromptIsComplete { get; init; } = true;

    public AssetFacts Images { get; init; } = AssetFacts.Unknown;

    public AssetFacts Videos { get; init; } = AssetFacts.Unknown;

    public AssetFacts Audios { get; init; } = AssetFacts.Unknown;

    public int? Duration { get; init; }

    public string? Quality { get; init; }

    public string? AspectRatio { get; init; }

    public AssetFacts Assets(AssetKind kind) => kind switch
    {
        AssetKind.Image => Images,
        AssetKind.Video => Videos,
        _ => Audios,
    };
}

/// <summary>Which part of a request a violation is about; front ends map it to a location.</summary>
internal enum RuleTarget
{
    Request,
    Model,
    Prompt,
    Images,
    Videos,
    Audios,
    Duration,
    Quality,
    AspectRatio,
}

/// <summary>
/// One broken rule. <see cref="Start"/>/<see cref="Length"/> are a span inside the prompt (prompt rules),
/// else -1. <see cref="Index"/> is the asset's position in its
/// list, or -1 for the whole list. <see cref="Fix"/> is what a code fix would write, if the rule has one.
/// </summary>
internal readonly record struct RuleViolation(RuleInfo Rule, RuleTarget Target, int Index, int Start, int Length, string[] Args, RuleFix? Fix)
{
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule.MessageFormat, Args);

    public static RuleTarget TargetOf(AssetKind kind) => kind switch
    {
        AssetKind.Image => RuleTarget.Images,
        AssetKind.Video => RuleTarget.Videos,
        _ => RuleTarget.Audios,
    };
}
