using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Seedance.Generators.Matrix;
using Seedance.Rules;

namespace Seedance.Benchmarks;

/// <summary>The shared rule engine's parts on one reference-to-video request: where a Validate() or an analyzer site spends its time.</summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private const string Prompt = "The character's appearance references image 1; replicate video 1's first-person perspective and camera pacing; use audio 1 as background music throughout. Scene: a young rider weaving through rain-soaked Tokyo streets, neon reflections on the asphalt.";

    private readonly List<PromptReference> _references = new();
    private readonly List<RuleViolation> _violations = new();
    private readonly List<string> _roles = new();
    private ModelMatrix _matrix = null!;
    private RequestFacts _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _matrix = MatrixSource.Default.Result.Matrix!;
        _facts = new RequestFacts
        {
            ModelId = "seedance-2.0-reference-to-video",
            Prompt = Prompt,
            Images = AssetFacts.Of(["https://example.com/rider.jpg"]),
            Videos = AssetFacts.Of(["https://example.com/pov.mp4"]),
            Audios = AssetFacts.Of(["https://example.com/bgm.mp3"]),
            Duration = 10,
            Quality = "720p",
            AspectRatio = "16:9",
        };
    }

    [Benchmark(Description = "all rules, one request")]
    public int Check()
    {
        _violations.Clear();
        RequestRules.Check(_matrix, _facts, _violations);
        return _violations.Count;
    }

    [Benchmark(Description = "prompt references")]
    public int FindReferences()
    {
        _references.Clear();
        PromptScanner.FindReferences(Prompt, _references);
        return _references.Count;
    }

    [Benchmark(Description = "roles after each reference")]
    public int CountRoles()
    {
        var total = 0;
        foreach (var start in new[] { 49, 70, 134 }) total += PromptScanner.CountRoles(Prompt, start, Prompt.Length, _roles);
        return total;
    }

    [Benchmark(Description = "length")]
    public int MeasureLength()
    {
        PromptScanner.MeasureLength(Prompt, 1000, 500, out var words, out _, out _, out _);
        return words;
    }
}
