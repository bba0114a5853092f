using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Generator;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>
/// Half-typed code and broken files are what the IDE feeds the analyzers on every keystroke: truncate
/// the test sources at every token boundary (and the matrix at every 7th character) and require that
/// neither the analyzers (AD0001) nor the generator (CS8785) ever throws.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new SeedanceRequestAnalyzer(), new RequestFileAnalyzer(), new MatrixFileAnalyzer()];

    /// <summary>
    /// Every C# source the analyzer tests use (read from the test files themselves, markup removed; the
    /// text parts of interpolated ones), the sample's templates, and a dense file of mistakes.
    /// </summary>
    public static TheoryData<string> Sources()
    {
        var sources = new System.Collections.Generic.SortedSet<string>(StringComparer.Ordinal)
        {
            GeneratorHarness.ReadRepoFile("samples/Seedance.Samples/GuideTemplates.cs"),
            Mistakes,
        };
        var folder = System.IO.Path.Combine(TestPaths.RepoRoot, "tests", "Seedance.Generators.Tests", "Analyzers");
        foreach (var file in System.IO.Directory.GetFiles(folder, "*.cs"))
        {
            if (file.EndsWith(nameof(RobustnessTests) + ".cs", StringComparison.Ordinal)) continue;
            var root = CSharpSyntaxTree.ParseText(System.IO.File.ReadAllText(file)).GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                var text = node switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal when literal.Token.Value is string value => value,
                    Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax interpolated => string.Concat(
                        interpolated.Contents.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
                    _ => null,
                };
                if (text is not null && text.Contains("namespace ", StringComparison.Ordinal))
                {
                    sources.Add(System.Text.RegularExpressions.Regex.Replace(text, @"\{\|SEED\d{4}:|\|\}", string.Empty));
                }
            }
        }
        var data = new TheoryData<string>();
        foreach (var source in sources) data.Add(source);
        return data;
    }

    private const string Mistakes = """"
        using Seedance;
        namespace Seedance.Samples;
        [SeedanceClient(Models = new[] { "seedance-2.0-reference-to-video" })]
        public partial class Client { }
        static class Mistakes
        {
            const string Style = "Use @Image1 for the style.";
            static void Send([SeedancePrompt] string prompt, [SeedanceModelId] string model) { }
            static object A(string x, string[] more) => new ReferenceToVideoRequest
            {
                Prompt = Style + $@"Then ""{x}"" and image 3, 图片2, the 3 provided images; she says: “Go.” {{x}}" + """
                    raw @Video2 line
                    """,
                ImageUrls = ["data:image/png;base64,AAAA", "ftp://x/a.jpg", .. more],
                AudioUrls = new[] { "https://e.com/a.mp3" },
                Duration = 20,
                Quality = new VideoQuality("1080p"),
                AspectRatio = "2:1",
            };
            static object B(ReferenceToVideoRequest r) => r with { Quality = "1080p", Prompt = "Image 1 is the first frame, the character and the style." };
            static void C() => Send("@Audio1", "seedance-2.0");
            static object D() => new SeedanceRequest("seedance-2.0", "A frog.") { VideoUrls = new System.Collections.Generic.List<string> { "https://e.com/v.mov" } };
        }
        """";

    [Theory]
    [MemberData(nameof(Sources))]
    public async System.Threading.Tasks.Task Every_truncation_of_a_source_runs_without_analyzer_or_generator_exceptions(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot();
        var cuts = root.DescendantTokens(descendIntoTrivia: true).Select(t => t.Span.End).Distinct().ToArray();
        var failures = new ConcurrentBag<string>();
        await System.Threading.Tasks.Parallel.ForEachAsync(cuts, Parallelism, async (cut, _) =>
        {
            foreach (var failure in await RunAsync(source.Substring(0, cut), matrix: null, requestFile: null)) failures.Add($"cut {cut}: {failure}");
        });
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public async System.Threading.Tasks.Task Every_7th_truncation_of_the_matrix_and_of_a_request_file_runs_without_exceptions()
    {
        var matrix = GeneratorHarness.ReadRepoFile("schema/seedance.models.json");
        const string Request = """
            { "model": "seedance-2.0-reference-to-video", "prompt": "Use @Image1 and image 3 \u201Cnow\u201D.",
              "image_urls": ["https://e.com/a.jpg", "data:x"], "duration": 20, "quality": "1080p", "aspect_ratio": "2:1" }
            """;
        var failures = new ConcurrentBag<string>();
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, (matrix.Length / 7) + 1), Parallelism, async (i, _) =>
        {
            var cut = Math.Min(i * 7, matrix.Length);
            foreach (var failure in await RunAsync(GeneratorHarness.DefaultClient, matrix.Substring(0, cut), Request.Substring(0, Math.Min(cut, Request.Length))))
            {
                failures.Add($"cut {cut}: {failure}");
            }
        });
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
    }

    private static readonly System.Threading.Tasks.ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    private static async System.Threading.Tasks.Task<string[]> RunAsync(string source, string? matrix, string? requestFile)
    {
        var additional = new System.Collections.Generic.List<AdditionalText>();
        if (matrix is not null) additional.Add(new InMemoryAdditionalText("/p/seedance.models.json", matrix));
        if (requestFile is not null) additional.Add(new InMemoryAdditionalText("/p/r.seedance.json", requestFile));
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver(additional.ToArray()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = new System.Collections.Generic.List<string>();
        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null) problems.Add("generator: " + run.Exception);
        problems.AddRange(generatorDiagnostics.Where(d => d.Id == "CS8785").Select(d => d.ToString()));

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional.ToImmutableArray()),
            onAnalyzerException: (exception, analyzer, _) => problems.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await output.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync(CancellationToken.None);
        problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return problems.ToArray();
    }
}
