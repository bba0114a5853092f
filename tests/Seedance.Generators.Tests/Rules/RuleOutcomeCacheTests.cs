using System.Collections.Generic;
using System.Linq;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Matrix;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Rules;

/// <summary>
/// The analyzer's cache of rule outcomes: a request seen before must get exactly what the rules would
/// say now, and facts that differ in any one field must never share an outcome.
/// </summary>
public class RuleOutcomeCacheTests
{
    private static readonly ModelMatrix Matrix = MatrixSource.Default.Result.Matrix!;

    private static RequestFacts Facts(string prompt = "Use image 1 for the style; image 2 is the character.", string model = "seedance-2.0-reference-to-video") => new()
    {
        ModelId = model,
        Prompt = prompt,
        Images = AssetFacts.Of(["https://example.com/a.jpg", "https://example.com/b.png"]),
        Videos = AssetFacts.None,
        Audios = AssetFacts.None,
        Duration = 5,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    public static TheoryData<string> Variations => new()
    {
        "model", "prompt", "complete", "images", "image url", "videos", "audios", "duration", "quality", "ratio",
    };

    private static RequestFacts Vary(string field)
    {
        var facts = Facts();
        switch (field)
        {
            case "model": return facts with { ModelId = "seedance-2.0-fast-reference-to-video" };
            case "prompt": return facts with { Prompt = facts.Prompt + " " };
            case "complete": return facts with { PromptIsComplete = false };
            case "images": return facts with { Images = AssetFacts.Of(["https://example.com/a.jpg"]) };
            case "image url": return facts with { Images = AssetFacts.Of(["https://example.com/a.jpg", "https://example.com/b.gif"]) };
            case "videos": return facts with { Videos = AssetFacts.Unknown };
            case "audios": return facts with { Audios = AssetFacts.Of(["https://example.com/a.mp3"]) };
            case "duration": return facts with { Duration = 99 };
            case "quality": return facts with { Quality = "1080p" };
            case "ratio": return facts with { AspectRatio = null };
        }
        return facts;
    }

    [Fact]
    public void Equal_facts_are_equal_and_hash_alike()
    {
        Assert.Equal(Facts(), Facts());
        Assert.Equal(Facts().GetHashCode(), Facts().GetHashCode());
    }

    [Theory]
    [MemberData(nameof(Variations))]
    public void Facts_that_differ_in_one_field_are_not_equal(string field) => Assert.NotEqual(Facts(), Vary(field));

    [Theory]
    [MemberData(nameof(Variations))]
    public void A_cached_outcome_is_what_the_rules_say(string field)
    {
        var cache = RuleOutcomeCache.For(Matrix);
        // The unchanged request first, so that a wrong hit would hand its outcome to the variation.
        cache.Check(Facts());
        foreach (var facts in new[] { Vary(field), Vary(field) })
        {
            var expected = new List<RuleViolation>();
            RequestRules.Check(Matrix, facts, expected);
            var cached = cache.Check(facts);
            Assert.Equal(Describe(expected), Describe(cached));
        }
    }

    private static string Describe(IEnumerable<RuleViolation> violations) => string.Join("\n", violations.Select(v => $"{v.Rule.Id}: {v.Message}"));
}
