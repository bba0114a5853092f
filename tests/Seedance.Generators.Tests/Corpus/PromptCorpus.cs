using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Seedance.Tests.Corpus;

/// <summary>One expected diagnostic: the rule and its characters in the plain prompt.</summary>
public readonly record struct CorpusLabel(string RuleId, int Start, int Length);

/// <summary>
/// One labelled prompt of the corpus (<c>tests/Seedance.Generators.Tests/Corpus/*.json</c>): the model, how
/// many assets of each kind are attached, and the prompt with its expected diagnostics marked inline as
/// <c>{|SEED0004:image 3|}</c> (several rules on one span: <c>{|SEED0004,SEED0014:image 3|}</c>).
/// </summary>
public sealed record CorpusEntry(string Id, string File, string Style, string Language, string Model, int Images, int Videos, int Audios, string Prompt, IReadOnlyList<CorpusLabel> Labels)
{
    public string Text(CorpusLabel label) => Prompt.Substring(label.Start, label.Length);

    public IReadOnlyList<string> Urls(string kind)
    {
        var (count, extension) = kind switch { "image" => (Images, ".jpg"), "video" => (Videos, ".mp4"), _ => (Audios, ".mp3") };
        return Enumerable.Range(1, count).Select(i => $"https://example.com/{Id}/{kind}{i}{extension}").ToArray();
    }

    public override string ToString() => Id;
}

public static class PromptCorpus
{
    /// <summary>The rules whose diagnostics sit inside the prompt: the ones the corpus labels.</summary>
    public static readonly string[] PromptRules = ["SEED0001", "SEED0004", "SEED0008", "SEED0013", "SEED0014"];

    private static readonly Lazy<IReadOnlyList<CorpusEntry>> s_all = new(() => Load(Directory));

    public static string Directory => Path.Combine(FindRepoRoot(), "tests", "Seedance.Generators.Tests", "Corpus");

    public static IReadOnlyList<CorpusEntry> All => s_all.Value;

    /// <summary>Every <paramref name="step"/>-th entry, plus every entry that carries a label: the front ends' sample.</summary>
    public static IEnumerable<CorpusEntry> Sample(int step) => All.Where((e, i) => i % step == 0 || e.Labels.Any(l => l.RuleId is "SEED0001" or "SEED0004") && i % 2 == 0);

    public static IReadOnlyList<CorpusEntry> Load(string directory)
    {
        var entries = new List<CorpusEntry>();
        foreach (var path in System.IO.Directory.GetFiles(directory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var id = item.GetProperty("id").GetString()!;
                var (prompt, labels) = Unmark(id, item.GetProperty("prompt").GetString()!);
                entries.Add(new CorpusEntry(
                    id, Path.GetFileName(path), item.GetProperty("style").GetString()!, item.GetProperty("lang").GetString()!,
                    item.GetProperty("model").GetString()!, item.GetProperty("images").GetInt32(), item.GetProperty("videos").GetInt32(),
                    item.GetProperty("audios").GetInt32(), prompt, labels));
            }
        }
        return entries;
    }

    /// <summary>Strips <c>{|RULE:text|}</c> markup, returning the plain prompt and where each label falls in it.</summary>
    public static (string Prompt, IReadOnlyList<CorpusLabel> Labels) Unmark(string id, string marked)
    {
        var plain = new StringBuilder(marked.Length);
        var labels = new List<CorpusLabel>();
        var i = 0;
        while (i < marked.Length)
        {
            if (marked[i] == '{' && i + 1 < marked.Length && marked[i + 1] == '|')
            {
                var colon = marked.IndexOf(':', i);
                var close = marked.IndexOf("|}", i + 2, StringComparison.Ordinal);
                if (colon < 0 || close < colon) throw new FormatException($"{id}: unclosed label at {i}");
                var rules = marked.Substring(i + 2, colon - i - 2).Split(',');
                var text = marked.Substring(colon + 1, close - colon - 1);
                if (text.Length == 0 || text.Contains("{|", StringComparison.Ordinal)) throw new FormatException($"{id}: empty or nested label at {i}");
                foreach (var rule in rules)
                {
                    if (!PromptRules.Contains(rule)) throw new FormatException($"{id}: '{rule}' is not a prompt rule");
                    labels.Add(new CorpusLabel(rule, plain.Length, text.Length));
                }
                plain.Append(text);
                i = close + 2;
                continue;
            }
            if (marked[i] == '|' && i + 1 < marked.Length && marked[i + 1] == '}') throw new FormatException($"{id}: stray '|}}' at {i}");
            plain.Append(marked[i]);
            i++;
        }
        return (plain.ToString(), labels);
    }

    /// <summary>The tag family of a SEED0001 label's text, for the corpus's report.</summary>
    public static string TagFamily(string tag)
    {
        if (tag.StartsWith("<<<", StringComparison.Ordinal)) return "<<<2.5>>>";
        if (tag.Contains('【')) return "【】";
        if (tag.Contains('＠')) return "full-width ＠";
        if (tag.Contains('[')) return tag.Contains('@') ? "[@…] / @[…]" : "[…]";
        if (tag.Contains('{')) return "{…}";
        if (tag.Any(c => c >= '\u4E00' && c <= '\u9FFF')) return "@中文";
        if (tag.StartsWith("@ ", StringComparison.Ordinal)) return "@ + space";
        if (tag.IndexOfAny(['-', '–', '~']) > 0) return "@ range";
        return "@Kind1";
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Seedance.Generators.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Seedance.Generators.sln) is not above " + AppContext.BaseDirectory);
    }
}
