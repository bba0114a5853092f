using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Seedance.Tests.Corpus;
using Xunit;

namespace Seedance.Generators.Tests.Corpus;

/// <summary>
/// A sample of the corpus through the analyzers' front ends: as C# literals of every kind in typed
/// requests, and as <c>*.seedance.json</c> request files. Each must give the corpus's labels (the run-time
/// front end, <c>Validate()</c>, is checked in Seedance.Client.Tests over the same corpus).
/// </summary>
public sealed class CorpusFrontEndTests
{
    private static readonly CorpusEntry[] Sample = PromptCorpus.Sample(5).ToArray();

    private enum LiteralKind
    {
        Regular,
        Verbatim,
        Raw,
        Interpolated,
        Concatenated,
    }

    private static string Expected(CorpusEntry entry) =>
        string.Join(",", entry.Labels.Select(l => l.RuleId).OrderBy(id => id, StringComparer.Ordinal));

    private static string Actual(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(",", diagnostics.Select(d => d.Id).Where(id => PromptCorpus.PromptRules.Contains(id)).OrderBy(id => id, StringComparer.Ordinal));

    [Fact]
    public void The_sample_covers_every_literal_kind_and_both_languages()
    {
        Assert.True(Sample.Length >= 100, Sample.Length + " entries");
        Assert.Contains(Sample, e => e.Language != "en" && e.Labels.Any(l => l.RuleId == "SEED0001"));
        Assert.Contains(Sample, e => e.Language != "en" && e.Labels.Any(l => l.RuleId == "SEED0004"));
    }

    [Fact]
    public async Task As_csharp_literals_of_every_kind()
    {
        var sources = Sample.Select((entry, i) => Code(entry, (LiteralKind)(i % 5), i)).ToArray();
        var compilation = GeneratorHarness.CreateCompilation([GeneratorHarness.DefaultClient, .. sources]);
        var (_, output) = GeneratorHarness.Run(compilation);
        var compileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(compileErrors.Length == 0, string.Join("\n", compileErrors.Take(10)));

        var diagnostics = await output.WithAnalyzers([new SeedanceRequestAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var byFile = diagnostics.ToLookup(d => d.Location.SourceTree?.FilePath ?? string.Empty);
        var problems = new StringBuilder();
        for (var i = 0; i < Sample.Length; i++)
        {
            var entry = Sample[i];
            var kind = (LiteralKind)(i % 5);
            var found = byFile[$"Source{i + 1}.cs"].ToArray();
            if (Actual(found) != Expected(entry)) problems.AppendLine($"{entry.Id} as {kind}: expected [{Expected(entry)}], got [{Actual(found)}]");
            // A raw literal holds the prompt's characters as they are: each squiggle covers the label's text.
            if (kind == LiteralKind.Raw)
            {
                var texts = found.Where(d => PromptCorpus.PromptRules.Contains(d.Id)).Select(d => d.Id + ":" + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).OrderBy(t => t, StringComparer.Ordinal);
                var labels = entry.Labels.Select(l => l.RuleId + ":" + entry.Text(l)).OrderBy(t => t, StringComparer.Ordinal);
                if (!texts.SequenceEqual(labels)) problems.AppendLine($"{entry.Id} as raw: squiggles [{string.Join(" | ", texts)}], labels [{string.Join(" | ", labels)}]");
            }
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    [Fact]
    public async Task As_request_files()
    {
        var files = Sample.Select((entry, i) => (AdditionalText)new InMemoryAdditionalText($"/corpus/{entry.Id}.seedance.json", Json(entry, relaxed: i % 2 == 0))).ToImmutableArray();
        var compilation = GeneratorHarness.CreateCompilation("namespace MyApp; class C { }");
        var diagnostics = await compilation
            .WithAnalyzers([new RequestFileAnalyzer()], new AnalyzerOptions(files))
            .GetAnalyzerDiagnosticsAsync();
        var byFile = diagnostics.ToLookup(d => d.Location.GetLineSpan().Path);
        var problems = new StringBuilder();
        for (var i = 0; i < Sample.Length; i++)
        {
            var entry = Sample[i];
            var found = byFile[$"/corpus/{entry.Id}.seedance.json"].ToArray();
            if (Actual(found) != Expected(entry)) problems.AppendLine($"{entry.Id}: expected [{Expected(entry)}], got [{Actual(found)}]");
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static string Code(CorpusEntry entry, LiteralKind kind, int index)
    {
        var type = MatrixReader.DefaultName(entry.Model) + "Request";
        var code = new StringBuilder();
        code.AppendLine("namespace MyApp;");
        code.AppendLine($"class Corpus{index}");
        code.AppendLine("{");
        code.AppendLine("    const string Lead = \"\";");
        code.AppendLine($"    object M() => new {type}");
        code.AppendLine("    {");
        code.AppendLine($"        Prompt = {Literal(entry, kind)},");
        foreach (var (property, urls) in new[] { ("ImageUrls", entry.Urls("image")), ("VideoUrls", entry.Urls("video")), ("AudioUrls", entry.Urls("audio")) })
        {
            if (urls.Count > 0) code.AppendLine($"        {property} = [{string.Join(", ", urls.Select(u => "\"" + u + "\""))}],");
        }
        code.AppendLine("    };");
        code.AppendLine("}");
        return code.ToString();
    }

    private static string Literal(CorpusEntry entry, LiteralKind kind)
    {
        var prompt = entry.Prompt;
        switch (kind)
        {
            case LiteralKind.Verbatim:
                return "@\"" + prompt.Replace("\"", "\"\"") + "\"";
            case LiteralKind.Raw when !prompt.Contains("\"\"\"", StringComparison.Ordinal):
                return "\"\"\"\n" + prompt + "\n\"\"\"";
            case LiteralKind.Interpolated:
                return "$\"{Lead}" + Escape(prompt)[1..^1].Replace("{", "{{").Replace("}", "}}") + "\"";
            case LiteralKind.Concatenated:
                var split = SplitPoint(entry);
                return split < 0 ? Escape(prompt) : Escape(prompt.Substring(0, split)) + " + " + Escape(prompt.Substring(split));
            default:
                return Escape(prompt);
        }
    }

    private static string Escape(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>A space near the middle that no label spans, so each label stays inside one literal.</summary>
    private static int SplitPoint(CorpusEntry entry)
    {
        for (var offset = 0; offset < entry.Prompt.Length / 2; offset++)
        {
            foreach (var at in new[] { entry.Prompt.Length / 2 + offset, entry.Prompt.Length / 2 - offset })
            {
                if (at > 0 && at < entry.Prompt.Length && entry.Prompt[at] == ' ' && !entry.Labels.Any(l => l.Start <= at && at < l.Start + l.Length)) return at;
            }
        }
        return -1;
    }

    private static string Json(CorpusEntry entry, bool relaxed)
    {
        var body = new Dictionary<string, object> { ["model"] = entry.Model, ["prompt"] = entry.Prompt };
        if (entry.Images > 0) body["image_urls"] = entry.Urls("image");
        if (entry.Videos > 0) body["video_urls"] = entry.Urls("video");
        if (entry.Audios > 0) body["audio_urls"] = entry.Urls("audio");
        // Half the files keep Chinese and quotes as they are, half escape them as \uXXXX: both must map back.
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default };
        return JsonSerializer.Serialize(body, options);
    }
}
