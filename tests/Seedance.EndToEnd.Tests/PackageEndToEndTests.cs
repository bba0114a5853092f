using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Seedance.EndToEnd.Tests;

/// <summary>
/// The package the way a .NET developer meets it: added by name and version to a fresh console
/// project, then `dotnet build`, `dotnet format`, `.editorconfig`, an own model matrix and a request
/// file, each through the real CLI.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageEndToEndTests
{
    /// <summary>One instance of each mistake on the card, one per line.</summary>
    private const string MistakesSource = """
        using Seedance;

        namespace MyApp;

        public static class Mistakes
        {
            public static ReferenceToVideoRequest TagSyntax() => new ReferenceToVideoRequest
            {
                Prompt = "@Image1 is the character; she walks through the rain.",
                ImageUrls = ["https://example.com/character.jpg"],
            };

            public static ReferenceToVideoRequest UnsupportedQuality() => new ReferenceToVideoRequest
            {
                Prompt = "Image 1 is the character; she walks through the rain.",
                ImageUrls = ["https://example.com/character.jpg"],
                Quality = "1080p",
            };

            public static SeedanceRequest RetiredModel() =>
                new SeedanceRequest("seedance-2.0", "A macro lens focuses on a green glass frog on a leaf.");

            public static ReferenceToVideoRequest MissingImage() => new ReferenceToVideoRequest
            {
                Prompt = "Image 1 and image 2 set the style; image 3 is the rider.",
                ImageUrls = ["https://example.com/style-a.jpg", "https://example.com/style-b.jpg"],
            };
        }

        """;

    private const string MistakesFile = "Mistakes.cs";

    /// <summary>The four mistakes: rule ID and a marker inside the literal the diagnostic must point into.</summary>
    private static readonly (string Id, string Marker)[] CardMistakes =
    [
        ("SEED0001", "@Image1"),
        ("SEED0002", "\"1080p\""),
        ("SEED0003", "\"seedance-2.0\""),
        ("SEED0004", "image 3"),
    ];

    private static readonly TimeSpan FormatTimeout = TimeSpan.FromMinutes(4);

    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public PackageEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void Package_holds_the_runtime_the_analyzers_and_the_build_props()
    {
        using var archive = ZipFile.OpenRead(_fixture.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        _output.WriteLine($"{Path.GetFileName(_fixture.PackagePath)}: {new FileInfo(_fixture.PackagePath).Length:N0} bytes (setup {_fixture.SetupTime.TotalSeconds:0.0} s: pack {_fixture.Pack.Elapsed.TotalSeconds:0.0} s, add package {_fixture.AddPackage.Elapsed.TotalSeconds:0.0} s)");
        foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal)) _output.WriteLine($"{entry.Length,10}  {entry.FullName}");

        string[] required =
        [
            "lib/net8.0/Seedance.dll",
            "lib/net8.0/Seedance.xml",
            "analyzers/dotnet/cs/Seedance.Generators.dll",
            "analyzers/dotnet/cs/Seedance.Generators.CodeFixes.dll",
            "analyzers/dotnet/cs/Scriban.Signed.dll",
            "analyzers/dotnet/cs/System.Text.Json.dll",
            "build/Seedance.Generators.props",
            "README.md",
            "Seedance.Generators.nuspec",
        ];
        var listing = string.Join(Environment.NewLine, entries.Order(StringComparer.Ordinal));
        foreach (var path in required) Assert.True(entries.Contains(path), $"{path} is missing from the package:{Environment.NewLine}{listing}");
        // The runtime is the only thing consumers compile against; the analyzers stay out of lib/.
        Assert.Equal(["lib/net8.0/Seedance.dll", "lib/net8.0/Seedance.xml"], entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var nuspec = XDocument.Load(archive.GetEntry("Seedance.Generators.nuspec")!.Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(PackageFixture.PackageId, metadata.Element(ns + "id")?.Value);
        Assert.Equal(_fixture.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        // A runtime package, not a development dependency: consumers flow it to their own consumers.
        Assert.NotEqual("true", metadata.Element(ns + "developmentDependency")?.Value);

        using var props = new StreamReader(archive.GetEntry("build/Seedance.Generators.props")!.Open());
        var propsText = props.ReadToEnd();
        Assert.Contains("seedance.models.json", propsText, StringComparison.Ordinal);
        Assert.Contains("*.seedance.json", propsText, StringComparison.Ordinal);
        Assert.Contains("AdditionalFiles", propsText, StringComparison.Ordinal);

        // The consumer's restore took the package from the local feed, into the private folder.
        var metadataFile = Path.Combine(_fixture.PackagesDirectory, PackageFixture.PackageId.ToLowerInvariant(), _fixture.Version, ".nupkg.metadata");
        Assert.True(File.Exists(metadataFile), $"{metadataFile} does not exist:{Environment.NewLine}{_fixture.AddPackage}");
        using var restored = JsonDocument.Parse(File.ReadAllText(metadataFile));
        Assert.Equal(Path.TrimEndingDirectorySeparator(_fixture.FeedDirectory), Path.TrimEndingDirectorySeparator(restored.RootElement.GetProperty("source").GetString()!));
    }

    [Fact]
    public void Generated_client_and_request_types_compile_and_run()
    {
        var project = _fixture.CreateProject("client");
        project.WriteFile("Program.cs", """
            using Seedance;

            namespace MyApp;

            public static class Program
            {
                public static async Task<int> Main(string[] args)
                {
                    // Nothing may reach the network: the run-time check must stop the bad request first.
                    using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
                    var client = new VideoClient(http, new SeedanceClientOptions { ApiKey = "e2e-test-key" });

                    var request = new ReferenceToVideoRequest
                    {
                        Prompt = "Use image 1 for the art style; image 2 is the rider.",
                        ImageUrls = ["https://example.com/style.jpg", "https://example.com/rider.png"],
                        Duration = 10,
                        Quality = "720p",
                        AspectRatio = "16:9",
                    };
                    request.Validate();
                    Console.WriteLine($"models={VideoClient.Models.Models.Count}");
                    Console.WriteLine($"reference={SeedanceModelTable.ReferenceToVideo}");
                    Console.WriteLine($"text={SeedanceModelTable.TextToVideo}");
                    Console.WriteLine($"request-model={request.ToSeedanceRequest().Model}");

                    // Not a constant, so the analyzer cannot see "image 3"; Submit must refuse it at run time.
                    var missing = request with { Prompt = "Image 1 sets the style; image " + (args.Length + 3) + " is the rider." };
                    try
                    {
                        VideoTask task = await client.SubmitReferenceToVideoAsync(missing);
                        Console.WriteLine($"sent={task.Id}");
                        return 1;
                    }
                    catch (SeedanceValidationException e)
                    {
                        Console.WriteLine("rejected=" + string.Join(",", e.Errors.Select(x => x.RuleId)));
                    }
                    return 0;
                }
            }
            """);

        var build = project.Build();
        var diagnostics = project.Diagnostics(build);
        Assert.True(build.ExitCode == 0, $"The consumer did not build.{Environment.NewLine}{build}");
        Assert.True(diagnostics.Count == 0, $"A consumer needs no setting and gets no warning, but the build printed:{Environment.NewLine}{BuildDiagnostics.Describe(diagnostics)}{Environment.NewLine}{build}");

        var run = project.Run();
        Assert.True(run.ExitCode == 0, $"The consumer did not run to the end.{Environment.NewLine}{run}");
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var modelCount = DefaultMatrix().Count;
        Assert.True(lines.Contains($"models={modelCount}"), $"Expected the {modelCount} models of the default matrix.{Environment.NewLine}{run}");
        Assert.True(lines.Contains("reference=seedance-2.0-reference-to-video"), run.ToString());
        Assert.True(lines.Contains("text=seedance-2.0-text-to-video"), run.ToString());
        Assert.True(lines.Contains("request-model=seedance-2.0-reference-to-video"), run.ToString());
        var rejected = lines.SingleOrDefault(l => l.StartsWith("rejected=", StringComparison.Ordinal));
        Assert.True(rejected is not null && rejected["rejected=".Length..].Split(',').Contains("SEED0004"),
            $"Submit should throw SeedanceValidationException with SEED0004 before sending.{Environment.NewLine}{run}");
    }

    [Fact]
    public void The_journal_package_records_and_returns_a_keyed_generation_with_its_native_sqlite()
    {
        var project = _fixture.CreateProject("journal");
        var add = _fixture.AddJournalPackage(project);
        Assert.True(add.ExitCode == 0, $"dotnet add package {PackageFixture.JournalPackageId} failed.{Environment.NewLine}{add}");
        project.WriteFile("Program.cs", """
            using Seedance;

            namespace MyApp;

            public static class Program
            {
                public static async Task<int> Main(string[] args)
                {
                    var path = Path.Combine(args[0], "seedance.db");
                    await using var journal = SeedanceJournal.OpenSqlite(path);
                    // Nothing listens on port 9: a refused connection proves no task was created.
                    using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
                    var client = new VideoClient(http, new SeedanceClientOptions { ApiKey = "e2e-test-key", Journal = journal, MaxRetries = 0 });
                    var request = new TextToVideoRequest { Prompt = "A lighthouse at dusk, slow push-in.", Duration = 4, Quality = "480p" }.ToSeedanceRequest();

                    try
                    {
                        await client.GenerateAsync("refused", request);
                        return 1;
                    }
                    catch (HttpRequestException)
                    {
                        Console.WriteLine($"refused-entry={(await journal.FindAsync("refused", default)) is null}");
                    }

                    // What an earlier run left: a completed task under the key. It comes back without any call.
                    var body = request.ToJson();
                    var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
                    await journal.TryAddAsync(new SeedanceJournalEntry
                    {
                        Key = "done", Model = request.Model, Body = body, BodyHash = hash, State = SeedanceJournalState.Completed,
                        TaskId = "task-unified-1-0001", ResultUrls = ["https://cdn.example/a.mp4"], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                    }, default);
                    var stored = await client.GenerateAsync("done", request);
                    Console.WriteLine($"stored={stored.Id} {stored.Status} {stored.Results[0]}");
                    Console.WriteLine($"integrity={await journal.CheckIntegrityAsync()}");
                    Console.WriteLine($"schema={SqliteSeedanceJournal.SchemaVersion}");
                    return 0;
                }
            }
            """);

        var build = project.Build();
        var diagnostics = project.Diagnostics(build);
        Assert.True(build.ExitCode == 0, $"The consumer did not build.{Environment.NewLine}{build}");
        Assert.True(diagnostics.Count == 0, $"The journal's package must add no warning, but the build printed:{Environment.NewLine}{BuildDiagnostics.Describe(diagnostics)}{Environment.NewLine}{build}");

        var run = project.Run(project.Directory);
        Assert.True(run.ExitCode == 0, $"The consumer did not run to the end.{Environment.NewLine}{run}");
        Assert.Contains("refused-entry=True", run.StandardOutput);
        Assert.Contains("stored=task-unified-1-0001 Completed https://cdn.example/a.mp4", run.StandardOutput);
        Assert.Contains("integrity=ok", run.StandardOutput);
        Assert.True(File.Exists(project.PathOf("seedance.db")), run.ToString());
    }

    [Fact]
    public void Card_mistakes_give_exactly_their_four_diagnostics()
    {
        var project = _fixture.CreateProject("mistakes");
        project.WriteFile(MistakesFile, MistakesSource);

        var build = project.Build();
        Assert.True(build.ExitCode != 0, $"The build should fail on the four errors.{Environment.NewLine}{build}");
        AssertDiagnostics(project, build, MistakesFile, MistakesSource, CardMistakes.Select(m => (m.Id, m.Marker, "error")));
    }

    [Fact]
    public void Dotnet_format_fixes_the_fixable_mistakes()
    {
        var project = _fixture.CreateProject("format");
        project.WriteFile(MistakesFile, MistakesSource);
        var restore = project.Dotnet(FormatTimeout, "restore", project.ProjectFile, "--nologo", "-v:q");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var format = project.Dotnet(FormatTimeout,
            "format", "analyzers", project.ProjectFile, "--diagnostics", "SEED0001", "SEED0002", "SEED0003", "--severity", "info", "--no-restore", "-v", "n");
        Assert.True(format.ExitCode == 0, $"dotnet format failed.{Environment.NewLine}{format}");

        var fixedSource = project.ReadFile(MistakesFile);
        _output.WriteLine("After dotnet format:");
        _output.WriteLine(fixedSource);
        var context = $"{Environment.NewLine}--- {MistakesFile} after dotnet format ---{Environment.NewLine}{fixedSource}{Environment.NewLine}{format}";

        // One command fixes all three rules. (dotnet format asks the fixer for the actions of the first
        // diagnostic it found, whatever its ID, and then fixes the requested ID with the action of that
        // equivalence key; a fixer whose rules use different keys is left with "didn't return a Fix All action".)
        var unfixed = new List<string>();
        // SEED0001: the tag becomes plain language.
        if (!fixedSource.Contains("Prompt = \"image 1 is the character; she walks through the rain.\"", StringComparison.Ordinal))
        {
            unfixed.Add("SEED0001: the prompt does not read \"image 1 is the character…\".");
        }
        // SEED0002: the highest quality the model lists.
        var reference = DefaultMatrix().Single(m => m.Id == "seedance-2.0-reference-to-video");
        var best = reference.Qualities.OrderBy(q => int.Parse(q.TrimEnd('p'), CultureInfo.InvariantCulture)).Last();
        if (!fixedSource.Contains($"Quality = \"{best}\",", StringComparison.Ordinal))
        {
            unfixed.Add($"SEED0002: the quality is not \"{best}\".");
        }
        // SEED0003: a full model ID that fits a request without assets (a text-to-video model).
        var call = Regex.Match(fixedSource, "new SeedanceRequest\\(\"(?<id>[^\"]*)\"");
        var chosen = call.Success ? call.Groups["id"].Value : "(call not found)";
        _output.WriteLine($"The SEED0003 literal after dotnet format: '{chosen}'.");
        var textToVideo = DefaultMatrix().Where(m => m.Family == "text-to-video" && m.Status == "available").Select(m => m.Id).ToArray();
        if (!textToVideo.Contains(chosen))
        {
            unfixed.Add($"SEED0003: the model ID is '{chosen}', not one of {string.Join(", ", textToVideo)}.");
        }
        Assert.True(unfixed.Count == 0, $"dotnet format left fixable diagnostics:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", unfixed)}{context}");
        // SEED0004 has no fix: the prompt is untouched.
        Assert.Contains("Prompt = \"Image 1 and image 2 set the style; image 3 is the rider.\"", fixedSource, StringComparison.Ordinal);

        var rebuild = project.Build();
        Assert.True(rebuild.ExitCode != 0, $"SEED0004 has no fix, so the build should still fail.{Environment.NewLine}{rebuild}");
        AssertDiagnostics(project, rebuild, MistakesFile, fixedSource, [("SEED0004", "image 3", "error")]);
    }

    /// <summary>Every tag family, in every literal kind the fix edits.</summary>
    private const string TagFamiliesSource = """"
        using Seedance;

        namespace MyApp;

        public static class TagFamilies
        {
            private const string Mood = "rainy";

            public static ReferenceToVideoRequest Regular() => new ReferenceToVideoRequest
            {
                Prompt = "@Image1 and @ image2 lead; [Image3], [@Video 1] and @[Audio 1] follow; {image4} and ＠图片5 close.",
                ImageUrls = ["https://example.com/1.jpg", "https://example.com/2.jpg", "https://example.com/3.jpg", "https://example.com/4.jpg", "https://example.com/5.jpg"],
                VideoUrls = ["https://example.com/1.mp4"],
                AudioUrls = ["https://example.com/1.mp3"],
            };

            public static ReferenceToVideoRequest Verbatim() => new ReferenceToVideoRequest
            {
                Prompt = @"参考@视频1的运镜，【@图片1】是主角，<<<audio_1_2>>>作为配乐。",
                ImageUrls = ["https://example.com/1.jpg"],
                VideoUrls = ["https://example.com/1.mp4"],
                AudioUrls = ["https://example.com/1.mp3", "https://example.com/2.mp3"],
            };

            public static ReferenceToVideoRequest Raw() => new ReferenceToVideoRequest
            {
                Prompt = """Cut between @Video1-3 to the beat of <<<Audio1>>>.""",
                VideoUrls = ["https://example.com/1.mp4", "https://example.com/2.mp4", "https://example.com/3.mp4"],
                AudioUrls = ["https://example.com/1.mp3"],
            };

            public static ImageToVideoRequest Interpolated() => new ImageToVideoRequest
            {
                Prompt = $"A {Mood} night: start on @img1 and end on [Picture 2].",
                ImageUrls = ["https://example.com/first.jpg", "https://example.com/last.jpg"],
            };
        }

        """";

    [Fact]
    public void Dotnet_format_rewrites_every_tag_family()
    {
        var project = _fixture.CreateProject("format-tags");
        project.WriteFile("TagFamilies.cs", TagFamiliesSource);
        var build = project.Build();
        Assert.True(build.ExitCode != 0, $"The build should fail on the tags.{Environment.NewLine}{build}");
        var found = project.Diagnostics(build).Where(d => d.Id == "SEED0001").Distinct().Count();
        Assert.True(found == 14, $"Expected 14 SEED0001 errors, found {found}.{Environment.NewLine}{build}");

        var format = project.Dotnet(FormatTimeout,
            "format", "analyzers", project.ProjectFile, "--diagnostics", "SEED0001", "--severity", "info", "--no-restore", "-v", "n");
        Assert.True(format.ExitCode == 0, $"dotnet format failed.{Environment.NewLine}{format}");
        var fixedSource = project.ReadFile("TagFamilies.cs");
        _output.WriteLine(fixedSource);

        string[] expected =
        [
            "Prompt = \"image 1 and image 2 lead; image 3, video 1 and audio 1 follow; image 4 and 图片5 close.\",",
            "Prompt = @\"参考视频1的运镜，图片1是主角，音频1–2作为配乐。\",",
            "Prompt = \"\"\"Cut between videos 1–3 to the beat of audio 1.\"\"\",",
            "Prompt = $\"A {Mood} night: start on image 1 and end on image 2.\",",
        ];
        var missing = expected.Where(line => !fixedSource.Contains(line, StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, $"dotnet format did not write:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", missing)}{Environment.NewLine}{fixedSource}{Environment.NewLine}{format}");

        var rebuild = project.Build();
        Assert.True(rebuild.ExitCode == 0, $"The fixed project should build.{Environment.NewLine}{rebuild}");
        Assert.DoesNotContain(project.Diagnostics(rebuild), d => d.Id.StartsWith("SEED", StringComparison.Ordinal));
    }

    /// <summary>The forms real code carries values in; each mistake sits on a line of its own, named by a marker.</summary>
    private const string RealCodeSource = """
        using System.Collections.Generic;
        using Seedance;

        namespace MyApp.Filtered
        {
            [SeedanceClient(Models = new[] { "seedance-2.0", "seedance-2.0-reference-to-vidoe" })] // marker: client
            public partial class FilteredClient { }
        }

        namespace MyApp
        {
            public static class RealCode
            {
                private static readonly string Style = "Use @Image1 for the art style.";
                private const string Scene = "A rider in the rain.";

                public static ReferenceToVideoRequest ReadonlyField() => new() { Prompt = Style, ImageUrls = ["https://example.com/a.jpg"] }; // marker: field

                public static ReferenceToVideoRequest Joined() => new() { Prompt = string.Join(" ", "Follow @Image1.", Scene), ImageUrls = ["https://example.com/a.jpg"] }; // marker: join

                public static ReferenceToVideoRequest BuiltList()
                {
                    var urls = new List<string>();
                    urls.Add("https://example.com/a.jpg");
                    urls.Add("https://example.com/b.jpg");
                    return new() { Prompt = "Image 1 and image 2 ride; image 3 is the street.", ImageUrls = urls }; // marker: list
                }

                public static ReferenceToVideoRequest LocalArray()
                {
                    string[] urls = ["https://example.com/a.jpg", "https://example.com/b.jpg"];
                    return new() { Prompt = "Image 1 and image 2 ride; image 3 waits.", ImageUrls = urls }; // marker: array
                }

                public static ReferenceToVideoRequest Conditional(bool night) => new()
                {
                    Prompt = night ? "Use @Image1 under neon." : "Use image 1 in daylight.", // marker: conditional
                    ImageUrls = ["https://example.com/a.jpg"],
                };

                public static ReferenceToVideoRequest ViaHelper() => Make("Use @Image1 for the style."); // marker: helper

                private static ReferenceToVideoRequest Make(string text) => new() { Prompt = text, ImageUrls = ["https://example.com/a.jpg"] };
            }
        }

        """;

    [Fact]
    public void The_values_real_code_carries_are_checked_at_compile_time_and_fixed_without_new_warnings()
    {
        var project = _fixture.CreateProject("real-code");
        project.WriteFile("RealCode.cs", RealCodeSource);
        var build = project.Build();
        (string Id, string Marker)[] expected =
        [
            ("SEED0003", "client"), ("SEED0003", "client"), ("SEED0001", "field"), ("SEED0001", "join"),
            ("SEED0004", "list"), ("SEED0004", "array"), ("SEED0001", "conditional"), ("SEED0001", "helper"),
        ];
        AssertOnLines(project, build, RealCodeSource, expected);

        var format = project.Dotnet(FormatTimeout,
            "format", "analyzers", project.ProjectFile, "--diagnostics", "SEED0001", "SEED0003", "--severity", "info", "--no-restore", "-v", "n");
        Assert.True(format.ExitCode == 0, $"dotnet format failed.{Environment.NewLine}{format}");
        var fixedSource = project.ReadFile("RealCode.cs");
        _output.WriteLine(fixedSource);
        Assert.Contains("private static readonly string Style = \"Use image 1 for the art style.\";", fixedSource, StringComparison.Ordinal);
        Assert.Contains("\"seedance-2.0-reference-to-video\" })]", fixedSource, StringComparison.Ordinal);
        Assert.Contains("Make(\"Use image 1 for the style.\")", fixedSource, StringComparison.Ordinal);

        // What is left is what has no fix; and no fix left a warning behind (an unused constant, say).
        var rebuild = project.Build();
        AssertOnLines(project, rebuild, fixedSource, [("SEED0004", "list"), ("SEED0004", "array")]);
    }

    /// <summary>Exactly these diagnostics, each on the line that carries its marker comment, and no warning of any kind.</summary>
    private void AssertOnLines(ConsumerProject project, ProcessResult build, string source, (string Id, string Marker)[] expected)
    {
        var actual = project.Diagnostics(build).Distinct().ToArray();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var message = $"Expected {string.Join(", ", expected.Select(e => e.Id + " @" + e.Marker))}; got:{Environment.NewLine}{BuildDiagnostics.Describe(actual)}{Environment.NewLine}{build}";
        var wanted = expected.Select(e => (e.Id, Line: Array.FindIndex(lines, l => l.Contains("// marker: " + e.Marker, StringComparison.Ordinal)) + 1)).ToArray();
        Assert.True(actual.Length == wanted.Length, message);
        foreach (var group in wanted.GroupBy(w => w))
        {
            Assert.True(actual.Count(d => d.Id == group.Key.Id && d.Line == group.Key.Line) == group.Count(), message);
        }
    }

    [Fact]
    public void Editorconfig_severity_takes_effect()
    {
        var project = _fixture.CreateProject("editorconfig");
        project.WriteFile(MistakesFile, MistakesSource);

        project.WriteFile(".editorconfig", "[*.cs]\ndotnet_diagnostic.SEED0002.severity = warning\n");
        var asWarning = project.Build();
        Assert.True(asWarning.ExitCode != 0, asWarning.ToString());
        AssertDiagnostics(project, asWarning, MistakesFile, MistakesSource,
            CardMistakes.Select(m => (m.Id, m.Marker, m.Id == "SEED0002" ? "warning" : "error")));

        project.WriteFile(".editorconfig", "[*.cs]\ndotnet_diagnostic.SEED0002.severity = none\n");
        var silenced = project.Build();
        Assert.True(silenced.ExitCode != 0, silenced.ToString());
        AssertDiagnostics(project, silenced, MistakesFile, MistakesSource,
            CardMistakes.Where(m => m.Id != "SEED0002").Select(m => (m.Id, m.Marker, "error")));
    }

    [Fact]
    public void Own_model_matrix_adds_a_model_without_a_project_change()
    {
        var project = _fixture.CreateProject("matrix");
        const string NewId = "seedance-2.1-reference-to-video";
        var matrix = JsonNode.Parse(File.ReadAllText(Path.Combine(_fixture.RepoRoot, "schema", "seedance.models.json")))!;
        var models = matrix["models"]!.AsArray();
        var clone = models.Single(m => (string?)m!["id"] == "seedance-2.0-reference-to-video")!.DeepClone();
        clone["id"] = NewId;
        clone["description"] = "The next reference-to-video model, announced after this package was released.";
        models.Add(clone);
        project.WriteFile("seedance.models.json", matrix.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        project.WriteFile("Program.cs", """
            using Seedance;

            namespace MyApp;

            public static class Program
            {
                public static int Main()
                {
                    using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
                    var client = new VideoClient(http, new SeedanceClientOptions { ApiKey = "e2e-test-key" });
                    var request = new Seedance21ReferenceToVideoRequest
                    {
                        Prompt = "Image 1 is the rider; video 1 drives the camera.",
                        ImageUrls = ["https://example.com/rider.jpg"],
                        VideoUrls = ["https://example.com/pov.mp4"],
                    };
                    request.Validate();
                    Func<Task<VideoTask>> submit = () => client.SubmitSeedance21ReferenceToVideoAsync(request);

                    // The analyzers read the same matrix: the new ID is no SEED0003.
                    var raw = new SeedanceRequest("seedance-2.1-reference-to-video", "Image 1 is the rider.")
                    {
                        ImageUrls = ["https://example.com/rider.jpg"],
                    };
                    VideoClient.Models.Validate(raw);

                    Console.WriteLine($"models={VideoClient.Models.Models.Count}");
                    Console.WriteLine($"constant={SeedanceModelTable.Seedance21ReferenceToVideo}");
                    Console.WriteLine($"request-model={request.ToSeedanceRequest().Model}");
                    Console.WriteLine($"in-default-matrix={SeedanceModelCatalog.Default.Find("seedance-2.1-reference-to-video") is not null}");
                    return submit is null ? 1 : 0;
                }
            }
            """);

        var build = project.Build();
        var diagnostics = project.Diagnostics(build);
        Assert.True(build.ExitCode == 0, $"The project with its own matrix did not build.{Environment.NewLine}{build}");
        Assert.True(diagnostics.Count == 0, $"Unexpected diagnostics:{Environment.NewLine}{BuildDiagnostics.Describe(diagnostics)}{Environment.NewLine}{build}");

        var run = project.Run();
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Contains($"models={models.Count}"), $"Expected {models.Count} models.{Environment.NewLine}{run}");
        Assert.True(lines.Contains($"constant={NewId}"), run.ToString());
        Assert.True(lines.Contains($"request-model={NewId}"), run.ToString());
        Assert.True(lines.Contains("in-default-matrix=False"), run.ToString());
    }

    [Fact]
    public void Request_file_reports_its_mistake_inside_the_json()
    {
        var project = _fixture.CreateProject("requestfile");
        const string RequestFile = "request.seedance.json";
        const string RequestJson = """
            {
              "model": "seedance-2.0-reference-to-video",
              "prompt": "Image 1 is the character; she walks through the rain.",
              "image_urls": ["https://example.com/character.jpg"],
              "quality": "1080p"
            }

            """;
        project.WriteFile(RequestFile, RequestJson);

        var build = project.Build();
        Assert.True(build.ExitCode != 0, $"SEED0002 in the request file should fail the build.{Environment.NewLine}{build}");
        AssertDiagnostics(project, build, RequestFile, RequestJson, [("SEED0002", "\"1080p\"", "error")]);
    }

    /// <summary>
    /// The build printed exactly <paramref name="expected"/> (rule ID, severity, in <paramref name="file"/> on the
    /// line of the marker and with the column inside its literal) and no other warning or error.
    /// </summary>
    private void AssertDiagnostics(ConsumerProject project, ProcessResult build, string file, string text, IEnumerable<(string Id, string Marker, string Severity)> expected)
    {
        var actual = project.Diagnostics(build);
        _output.WriteLine($"{build.CommandLine}: exit code {build.ExitCode}, {build.Elapsed.TotalSeconds:0.0} s");
        _output.WriteLine(BuildDiagnostics.Describe(actual));

        var wanted = expected.Select(e => (e.Id, e.Severity, Span: SourceMarkers.LiteralAround(text, e.Marker))).ToArray();
        var message = $"Expected exactly:{Environment.NewLine}" +
            string.Join(Environment.NewLine, wanted.Select(w => $"  {file}: {w.Severity} {w.Id} at {w.Span}")) +
            $"{Environment.NewLine}Got:{Environment.NewLine}{BuildDiagnostics.Describe(actual)}{Environment.NewLine}{build}";

        Assert.True(actual.Count == wanted.Length, message);
        foreach (var (id, severity, span) in wanted)
        {
            var match = actual.Where(d => d.Id == id && d.File == file && d.Line == span.Line).ToArray();
            Assert.True(match.Length == 1, message);
            Assert.True(match[0].Severity == severity, message);
            Assert.True(span.Contains(match[0].Column), $"{id} is at column {match[0].Column}, outside the literal ({span}).{Environment.NewLine}{message}");
        }
    }

    private sealed record MatrixModel(string Id, string Family, string Status, string[] Qualities);

    private IReadOnlyList<MatrixModel> DefaultMatrix()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_fixture.RepoRoot, "schema", "seedance.models.json")));
        return document.RootElement.GetProperty("models").EnumerateArray().Select(m => new MatrixModel(
            m.GetProperty("id").GetString()!,
            m.GetProperty("family").GetString()!,
            m.TryGetProperty("status", out var status) ? status.GetString()! : "available",
            m.GetProperty("quality").GetProperty("values").EnumerateArray().Select(q => q.GetString()!).ToArray())).ToArray();
    }
}
