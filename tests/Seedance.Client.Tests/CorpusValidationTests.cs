using System;
using System.Linq;
using System.Text;
using Seedance.Tests.Corpus;
using Xunit;

namespace Seedance.Client.Tests;

/// <summary>
/// The whole labelled prompt corpus through run-time validation: <c>Check()</c> and <c>Validate()</c> report
/// the same prompt rules as the analyzers and the request-file checks (CorpusFrontEndTests).
/// </summary>
public sealed class CorpusValidationTests
{
    private static SeedanceRequest Request(CorpusEntry entry) => new(entry.Model, entry.Prompt)
    {
        ImageUrls = entry.Urls("image").ToArray(),
        VideoUrls = entry.Urls("video").ToArray(),
        AudioUrls = entry.Urls("audio").ToArray(),
    };

    [Fact]
    public void Check_reports_each_prompt_s_labels()
    {
        var problems = new StringBuilder();
        foreach (var entry in PromptCorpus.All)
        {
            var expected = string.Join(",", entry.Labels.Select(l => l.RuleId).OrderBy(id => id, StringComparer.Ordinal));
            var actual = string.Join(",", SeedanceModelCatalog.Default.Check(Request(entry))
                .Where(e => e.Field == "prompt").Select(e => e.RuleId).OrderBy(id => id, StringComparer.Ordinal));
            if (actual != expected) problems.AppendLine($"{entry.Id}: expected [{expected}], got [{actual}]");
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }

    [Fact]
    public void Validate_throws_exactly_for_prompts_with_an_error_label()
    {
        var problems = new StringBuilder();
        foreach (var entry in PromptCorpus.All)
        {
            var errors = entry.Labels.Count(l => l.RuleId is "SEED0001" or "SEED0004");
            var thrown = Record.Exception(() => SeedanceModelCatalog.Default.Validate(Request(entry))) as SeedanceValidationException;
            var promptErrors = thrown?.Errors.Count(e => e.Field == "prompt") ?? 0;
            if (promptErrors != errors) problems.AppendLine($"{entry.Id}: {errors} prompt errors labelled, Validate() reported {promptErrors}");
        }
        Assert.True(problems.Length == 0, problems.ToString());
    }
}
