using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Seedance.Tests.Corpus;
using Xunit;
using Xunit.Abstractions;

namespace Seedance.Generators.Tests.Corpus;

/// <summary>
/// The labelled prompt corpus through the rule engine: every labelled diagnostic must be found at its
/// exact characters, and no prompt rule may report anything unlabelled. Prints precision and recall per rule.
/// </summary>
public sealed class PromptCorpusTests(ITestOutputHelper output)
{
    private static readonly ModelMatrix Matrix = MatrixReader.Read(GeneratorHarness.ReadRepoFile("schema/seedance.models.json")).Matrix!;

    internal static List<RuleViolation> Check(CorpusEntry entry)
    {
        var facts = new RequestFacts
        {
            ModelId = entry.Model,
            Prompt = entry.Prompt,
            Images = AssetFacts.Of(entry.Urls("image")),
            Videos = AssetFacts.Of(entry.Urls("video")),
            Audios = AssetFacts.Of(entry.Urls("audio")),
        };
        var violations = new List<RuleViolation>();
        RequestRules.Check(Matrix, facts, violations);
        return violations.Where(v => v.Target == RuleTarget.Prompt).ToList();
    }

    [Fact]
    public void The_corpus_is_large_and_bilingual()
    {
        var all = PromptCorpus.All;
        Assert.True(all.Count >= 400, $"{all.Count} prompts");
        Assert.True(all.Count(e => e.Language is "zh" or "mixed") >= 120, "Chinese or mixed: " + all.Count(e => e.Language is "zh" or "mixed"));
        Assert.Equal(all.Count, all.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, e => Assert.NotNull(Matrix.Find(e.Model)));
    }

    [Fact]
    public void Every_prompt_raises_exactly_its_labels()
    {
        var found = new Dictionary<string, (int TruePositive, int FalsePositive, int FalseNegative)>(StringComparer.Ordinal);
        foreach (var rule in PromptCorpus.PromptRules) found[rule] = (0, 0, 0);
        var problems = new StringBuilder();

        foreach (var entry in PromptCorpus.All)
        {
            var actual = Check(entry).Select(v => new CorpusLabel(v.Rule.Id, v.Start, v.Length)).ToList();
            foreach (var label in entry.Labels)
            {
                var (tp, fp, fn) = found[label.RuleId];
                if (actual.Remove(label))
                {
                    found[label.RuleId] = (tp + 1, fp, fn);
                }
                else
                {
                    found[label.RuleId] = (tp, fp, fn + 1);
                    problems.AppendLine($"MISSED     {entry.Id} {label.RuleId} '{entry.Text(label)}'   in: {entry.Prompt}");
                }
            }
            foreach (var extra in actual)
            {
                var (tp, fp, fn) = found[extra.RuleId];
                found[extra.RuleId] = (tp, fp + 1, fn);
                problems.AppendLine($"UNEXPECTED {entry.Id} {extra.RuleId} '{entry.Text(extra)}'   in: {entry.Prompt}");
            }
        }

        output.WriteLine(Report(found));
        Assert.True(problems.Length == 0, problems.ToString());
    }

    internal static string Report(Dictionary<string, (int TruePositive, int FalsePositive, int FalseNegative)> found)
    {
        var all = PromptCorpus.All;
        var report = new StringBuilder();
        report.AppendLine($"Corpus: {all.Count} prompts; " + string.Join(", ", all.GroupBy(e => e.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        report.AppendLine("  by style: " + string.Join(", ", all.GroupBy(e => e.Style).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        var tags = all.SelectMany(e => e.Labels.Where(l => l.RuleId == "SEED0001").Select(l => PromptCorpus.TagFamily(e.Text(l))));
        report.AppendLine("  tags by family: " + string.Join(", ", tags.GroupBy(t => t).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        report.AppendLine("  unlabelled prompts: " + all.Count(e => e.Labels.Count == 0));
        report.AppendLine("rule      labels  found  false  precision  recall");
        foreach (var (rule, (tp, fp, fn)) in found.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var precision = tp + fp == 0 ? "—" : (100.0 * tp / (tp + fp)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
            var recall = tp + fn == 0 ? "—" : (100.0 * tp / (tp + fn)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
            report.AppendLine($"{rule}  {tp + fn,6}  {tp,5}  {fp,5}  {precision,9}  {recall,6}");
        }
        return report.ToString();
    }
}
