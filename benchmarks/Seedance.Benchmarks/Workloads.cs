using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Seedance.Benchmarks;

/// <summary>
/// The synthetic inputs (500 files, 2,000 sites) and the peers, loaded from the SDK this process runs on:
/// the System.Text.Json and Regex source generators from Microsoft.NETCore.App.Ref's analyzers folder,
/// CA2241 from Microsoft.CodeAnalysis.NetAnalyzers.
/// </summary>
internal static class Workloads
{
    public const int Files = 500;
    public const int SitesPerFile = 4;
    public const int Sites = Files * SitesPerFile;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    [
        .. Basic.Reference.Assemblies.Net80.References.All,
        MetadataReference.CreateFromFile(typeof(SeedanceClientAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location),
    ]);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static ImmutableArray<MetadataReference> ReferencesWithoutSeedance => [.. Basic.Reference.Assemblies.Net80.References.All];

    public static CSharpCompilation Compile(IEnumerable<string> sources, bool withSeedance = true) => CSharpCompilation.Create(
        "Bench",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"File{i}.cs")),
        withSeedance ? References : ReferencesWithoutSeedance,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// The request workload with the generated client and request types, as in a real build. Throws when
    /// the generator fails or the result does not compile: a benchmark of a failed run measures nothing.
    /// </summary>
    public static CSharpCompilation RequestsWithGeneratedClient(int files = Files) => WithGeneratedClient(RequestFiles().Take(files));

    /// <summary>One file of requests whose values come through variables: what the value-resolution layer reads.</summary>
    public static string ValueFormsFile() => """
        using System.Collections.Generic;
        using Seedance;

        namespace Bench;

        public static class ValueForms
        {
            private static readonly string Style = "The character's appearance references image 1; moody neon light.";
            private const string Scene = "A rider weaves through rain-soaked Tokyo streets.";

            public static object Field() => new ReferenceToVideoRequest { Prompt = Style, ImageUrls = ["https://example.com/rider.jpg"] };

            public static object Joined() => new ReferenceToVideoRequest { Prompt = string.Join(" ", "Replicate video 1's camera movement.", Scene), VideoUrls = ["https://example.com/pov.mp4"] };

            public static object BuiltList()
            {
                var urls = new List<string>();
                urls.Add("https://example.com/a.jpg");
                urls.Add("https://example.com/b.jpg");
                return new ReferenceToVideoRequest { Prompt = "Image 1 is the rider and image 2 the street.", ImageUrls = urls };
            }

            public static object LocalArray()
            {
                string[] urls = ["https://example.com/a.jpg", "https://example.com/b.jpg"];
                return new ReferenceToVideoRequest { Prompt = "Image 1 is the rider and image 2 the street.", ImageUrls = urls };
            }

            public static object Conditional(bool night) => new ReferenceToVideoRequest
            {
                Prompt = night ? "Image 1 rides under neon." : "Image 1 rides in daylight.",
                ImageUrls = ["https://example.com/rider.jpg"],
            };

            public static object ViaHelper() => Make("Image 1 is the rider; slow dolly-in.");

            private static ReferenceToVideoRequest Make(string text) => new ReferenceToVideoRequest { Prompt = text, ImageUrls = ["https://example.com/rider.jpg"] };
        }
        """;

    public static CSharpCompilation WithGeneratedClient(IEnumerable<string> files)
    {
        var input = Compile([Client, .. files]);
        CSharpGeneratorDriver.Create([new Seedance.Generators.Generator.SeedanceClientGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        EnsureClean("the Seedance generator on the request workload", diagnostics.AddRange(output.GetDiagnostics()));
        if (output.SyntaxTrees.Count() <= input.SyntaxTrees.Count()) throw new InvalidOperationException("The Seedance generator added no source to the request workload.");
        return (CSharpCompilation)output;
    }

    /// <summary>Throws unless every generator of the run produced source without an exception or an error.</summary>
    public static GeneratorDriver EnsureGenerated(string what, GeneratorDriver driver)
    {
        foreach (var result in driver.GetRunResult().Results)
        {
            if (result.Exception is not null) throw new InvalidOperationException($"Benchmark input broken ({what}): the generator threw.", result.Exception);
            EnsureClean(what, result.Diagnostics);
            if (result.GeneratedSources.IsEmpty) throw new InvalidOperationException($"Benchmark input broken ({what}): the generator produced nothing.");
        }
        return driver;
    }

    /// <summary>Throws when <paramref name="diagnostics"/> holds an error or a generator failure (CS8784/CS8785).</summary>
    public static void EnsureClean(string what, IEnumerable<Diagnostic> diagnostics)
    {
        var bad = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS8784" or "CS8785").Take(3).ToList();
        if (bad.Count > 0) throw new InvalidOperationException($"Benchmark input broken ({what}): " + string.Join(Environment.NewLine, bad));
    }

    public const string Client = "using Seedance; namespace Bench; [SeedanceClient] public partial class VideoClient { }";

    /// <summary>500 files with four request constructions each (reference, image, text and raw forms).</summary>
    public static IEnumerable<string> RequestFiles()
    {
        for (var i = 0; i < Files; i++)
        {
            yield return $$""""
                using Seedance;
                namespace Bench;
                public static class Requests{{i}}
                {
                    const string Style = "Use image 1 for the art style and color palette; ";
                    public static object A() => new ReferenceToVideoRequest
                    {
                        Prompt = Style + "replicate video 1's camera movement; use audio 1 as background music. Scene {{i}}.",
                        ImageUrls = ["https://example.com/{{i}}/style.jpg"],
                        VideoUrls = ["https://example.com/{{i}}/pov.mp4"],
                        AudioUrls = ["https://example.com/{{i}}/bgm.mp3"],
                        Duration = 10,
                        Quality = "720p",
                        AspectRatio = "16:9",
                    };
                    public static object B() => new ImageToVideoRequest
                    {
                        Prompt = @"Use the provided image as the first frame; the camera slowly pushes in ({{i}}).",
                        ImageUrls = new[] { "https://example.com/{{i}}/portrait.jpg" },
                        Duration = 5,
                    };
                    public static object C(string subject) => new TextToVideoRequest
                    {
                        Prompt = $"A macro lens on {subject}, shot {{i}}; she says: \"You finally understood.\"",
                        Duration = 8,
                    };
                    public static object D() => new SeedanceRequest("seedance-2.0-fast-reference-to-video", """
                        The character's appearance references image 1; images 2 and 3 set the style. Scene {{i}}.
                        """)
                    {
                        ImageUrls = ["https://example.com/{{i}}/a.png", "https://example.com/{{i}}/b.png", "https://example.com/{{i}}/c.webp"],
                    };
                }
                """";
        }
    }

    /// <summary>500 files with four string.Format calls each: what CA2241 checks (placeholders against arguments).</summary>
    public static IEnumerable<string> FormatFiles()
    {
        for (var i = 0; i < Files; i++)
        {
            yield return $$"""
                namespace Bench;
                public static class Formats{{i}}
                {
                    public static string A(string a, int b) => string.Format("Use image {0} for the style of shot {1}.", a, b);
                    public static string B(string a) => string.Format("Replicate video {0}'s camera movement ({{i}}).", a);
                    public static string C(string a, string b, string c) => string.Format("Image {0}, video {1} and audio {2}.", a, b, c);
                    public static string D(object a) => string.Format(System.Globalization.CultureInfo.InvariantCulture, "Scene {0}: a rider in the rain.", a);
                }
                """;
        }
    }

    /// <summary>500 files with four [GeneratedRegex] patterns each: a string DSL the Regex generator validates.</summary>
    public static IEnumerable<string> RegexFiles()
    {
        for (var i = 0; i < Files; i++)
        {
            yield return $$"""
                using System.Text.RegularExpressions;
                namespace Bench;
                public static partial class Patterns{{i}}
                {
                    [GeneratedRegex(@"\bimage\s+(\d+)\b", RegexOptions.IgnoreCase)] public static partial Regex A();
                    [GeneratedRegex(@"@(Image|Video|Audio)\d+")] public static partial Regex B();
                    [GeneratedRegex(@"^\d{3,4}p$")] public static partial Regex C();
                    [GeneratedRegex(@"(?<w>\w+)\s+\k<w>{{i % 3}}")] public static partial Regex D();
                }
                """;
        }
    }

    /// <summary>500 files of ordinary code: no Seedance in sight.</summary>
    public static IEnumerable<string> PlainFiles()
    {
        for (var i = 0; i < Files; i++)
        {
            yield return $$"""
                using System.Collections.Generic;
                using System.Text;
                namespace Bench;
                public static class Plain{{i}}
                {
                    public static object A() => new StringBuilder("image {{i}}").Append("@Image1");
                    public static object B() => new List<string> { "a", "b", "c" };
                    public static string C(string s) => s.Replace("1080p", "720p");
                    public static object D() => new Dictionary<string, int> { ["x"] = {{i}} };
                }
                """;
        }
    }

    /// <summary>Nine request records like the generated ones, and a System.Text.Json context for them.</summary>
    public static string StjRecordsAndContext()
    {
        var names = new[] { "TextToVideo", "ImageToVideo", "ReferenceToVideo", "FastTextToVideo", "FastImageToVideo", "FastReferenceToVideo", "MiniTextToVideo", "MiniImageToVideo", "MiniReferenceToVideo" };
        var source = new StringBuilder("using System.Collections.Generic; using System.Text.Json.Serialization; namespace Bench;\n");
        foreach (var name in names)
        {
            source.AppendLine($$"""
                public sealed partial record {{name}}Request
                {
                    [JsonPropertyName("model")] public string Model { get; init; } = "seedance-2.0";
                    [JsonPropertyName("prompt")] public required string Prompt { get; init; }
                    [JsonPropertyName("image_urls")] public IReadOnlyList<string>? ImageUrls { get; init; }
                    [JsonPropertyName("video_urls")] public IReadOnlyList<string>? VideoUrls { get; init; }
                    [JsonPropertyName("audio_urls")] public IReadOnlyList<string>? AudioUrls { get; init; }
                    [JsonPropertyName("duration")] public int Duration { get; init; } = 5;
                    [JsonPropertyName("quality")] public string Quality { get; init; } = "720p";
                    [JsonPropertyName("aspect_ratio")] public string AspectRatio { get; init; } = "16:9";
                    [JsonPropertyName("generate_audio")] public bool GenerateAudio { get; init; } = true;
                    [JsonPropertyName("callback_url")] public string? CallbackUrl { get; init; }
                }
                """);
        }
        source.AppendLine("[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var name in names) source.AppendLine($"[JsonSerializable(typeof({name}Request))]");
        source.AppendLine("public sealed partial class RequestContext : JsonSerializerContext { }");
        return source.ToString();
    }

    /// <summary>An AdditionalFiles item held in memory; its text instance stays the same, as an unchanged file's does in an IDE.</summary>
    public sealed class TextFile(string path, string text) : AdditionalText
    {
        private readonly Microsoft.CodeAnalysis.Text.SourceText _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);

        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }

    // ---- the SDK's own generators and analyzers ----

    private static readonly Lazy<string> s_dotnetRoot = new(() =>
        Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")));

    private static string RefPackAnalyzers()
    {
        var packs = Path.Combine(s_dotnetRoot.Value, "packs", "Microsoft.NETCore.App.Ref");
        var latest = Directory.GetDirectories(packs).OrderBy(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0)).Last();
        return Path.Combine(latest, "analyzers", "dotnet", "cs");
    }

    public static ISourceGenerator StjGenerator() => LoadGenerator(Path.Combine(RefPackAnalyzers(), "System.Text.Json.SourceGeneration.dll"));

    public static ISourceGenerator RegexGenerator() => LoadGenerator(Path.Combine(RefPackAnalyzers(), "System.Text.RegularExpressions.Generator.dll"));

    /// <summary>The SDK's CA2241 analyzer (format strings checked against their arguments).</summary>
    public static DiagnosticAnalyzer Ca2241()
    {
        var sdk = Directory.GetDirectories(Path.Combine(s_dotnetRoot.Value, "sdk")).OrderBy(d => d, StringComparer.Ordinal).Last();
        var path = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll");
        var reference = new AnalyzerFileReference(path, Loader.Instance);
        return reference.GetAnalyzers(LanguageNames.CSharp).Single(a => a.SupportedDiagnostics.Any(d => d.Id == "CA2241"));
    }

    private static ISourceGenerator LoadGenerator(string path) =>
        new AnalyzerFileReference(path, Loader.Instance).GetGenerators(LanguageNames.CSharp).Single();

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public static readonly Loader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

/// <summary>
/// Registers for the same operations as the analyzer under test and does nothing: the difference between
/// the two is the analyzer's own cost, not the compiler's binding, which both pay alike.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    // Enabled, or the driver would skip the analyzer (and the binding it forces) altogether.
    private static readonly DiagnosticDescriptor Never = new("NOOP0001", "never", "never", "none", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    private readonly OperationKind[] _kinds;

    /// <summary>By default the request analyzer's kinds: object creations, invocations, conversions, <c>with</c>.</summary>
    public NoOpAnalyzer(params OperationKind[] kinds) =>
        _kinds = kinds.Length > 0 ? kinds : [OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.Conversion, OperationKind.With];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, _kinds);
    }
}
