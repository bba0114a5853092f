using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Seedance.Generators.CodeFixes;
using Seedance.Generators.Diagnostics;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Rules;

/// <summary>
/// A rule is declared once, in its own file (<see cref="RuleInfo"/>); its descriptor, its fix, its run-time
/// validation and the three tables that list the rules must agree with that declaration.
/// </summary>
/// <remarks>
/// The tables (README.md, docs/rules/README.md, Releases/AnalyzerReleases.Unshipped.md) are written from the
/// declarations when <c>SEEDANCE_UPDATE_RULE_TABLES=1</c> is set, which is how a new rule gets its rows;
/// otherwise a table that disagrees fails here.
/// </remarks>
public sealed class RuleDeclarationTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("SEEDANCE_UPDATE_RULE_TABLES") == "1";

    [Fact]
    public void Every_rule_class_is_in_the_catalogue_once_in_ID_order()
    {
        var classes = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(15, classes.Count);
        Assert.Equal(classes, RuleCatalog.All.Select(r => r.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal));
        var ids = RuleCatalog.All.Select(r => r.Info.Id).ToList();
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(@"^SEED\d{4}$", id));
        Assert.Equal(RuleCatalog.All.OfType<RequestRule>(), RuleCatalog.Request);
    }

    [Fact]
    public void Every_descriptor_matches_its_rule_declaration()
    {
        Assert.Equal(RuleCatalog.All.Select(r => r.Info.Id), SeedanceDescriptors.All.Select(d => d.Id));
        foreach (var rule in RuleCatalog.All.Select(r => r.Info))
        {
            var descriptor = SeedanceDescriptors.For(rule);
            Assert.Equal(rule.Id, descriptor.Id);
            Assert.Equal(Severity(rule.Severity), descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, rule.Id);
            Assert.Equal("Seedance", descriptor.Category);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.Equal($"https://github.com/seedance-generators/Seedance.Generators/blob/main/docs/rules/{rule.Id}.md", descriptor.HelpLinkUri);
            Assert.Equal(rule.ReportedAtCompilationEnd, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
            Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "docs", "rules", rule.Id + ".md")), $"{rule.Id} has no docs page");
        }
    }

    [Fact]
    public void The_code_fix_provider_fixes_exactly_the_rules_that_declare_a_fix()
    {
        var declared = RuleCatalog.All.Where(r => r.Info.FixTitle is not null).Select(r => r.Info.Id);
        Assert.Equal(["SEED0001", "SEED0002", "SEED0003", "SEED0007", "SEED0012", "SEED0013"], declared);
        Assert.Equal(declared, new SeedanceCodeFixProvider().FixableDiagnosticIds);
    }

    [Fact]
    public void The_README_rule_table_lists_every_rule_with_its_default_severity()
    {
        // The "finds" column is written by hand; a new rule's row starts with its title.
        CheckTable(Path.Combine(TestPaths.RepoRoot, "README.md"), "| ID | default | finds |\n|---|---|---|\n",
            @"^\| \[(SEED\d{4})\]\(docs/rules/\1\.md\) \| [a-z]+ \| (.*) \|$",
            (rule, finds) => $"| [{rule.Id}](docs/rules/{rule.Id}.md) | {rule.Severity.ToString().ToLowerInvariant()} | {finds ?? rule.Title} |");
    }

    [Fact]
    public void The_rules_index_lists_every_rule_with_its_severity_and_title()
    {
        CheckTable(Path.Combine(TestPaths.RepoRoot, "docs", "rules", "README.md"), "| ID | Severity | Title | Page |\n|---|---|---|---|\n",
            @"^\| (SEED\d{4}) \| .*$",
            (rule, _) => $"| {rule.Id} | {rule.Severity} | {rule.Title} | [{rule.Id}]({rule.Id}.md) |");
    }

    [Fact]
    public void The_release_file_lists_every_rule_with_its_category_and_severity()
    {
        CheckTable(Path.Combine(TestPaths.RepoRoot, "src", "Seedance.Generators", "Releases", "AnalyzerReleases.Unshipped.md"),
            "Rule ID | Category | Severity | Notes\n--------|----------|----------|-------\n",
            @"^(SEED\d{4}) \| .*$",
            (rule, _) => $"{rule.Id} | {RuleInfo.Category} | {rule.Severity} | {rule.Title}");
    }

    /// <summary>
    /// The table that follows <paramref name="header"/> must be one row per rule, as <paramref name="row"/> writes
    /// it (given the row's current free text, the pattern's second group, if any).
    /// </summary>
    private static void CheckTable(string path, string header, string rowPattern, Func<RuleInfo, string?, string> row)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var start = text.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{path} has no table starting \"{header.Split('\n')[0]}\"");
        start += header.Length;
        var end = start;
        while (end < text.Length && (text[end] == '|' || string.CompareOrdinal(text, end, "SEED", 0, 4) == 0))
        {
            var newline = text.IndexOf('\n', end);
            end = newline < 0 ? text.Length : newline + 1;
        }
        var current = new Dictionary<string, string?>();
        foreach (var line in text[start..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Regex.Match(line, rowPattern);
            Assert.True(match.Success, $"{path}: unexpected row \"{line}\"");
            current[match.Groups[1].Value] = match.Groups.Count > 2 ? match.Groups[2].Value : null;
        }
        var expected = new StringBuilder();
        foreach (var rule in RuleCatalog.All.Select(r => r.Info)) expected.Append(row(rule, current.GetValueOrDefault(rule.Id))).Append('\n');
        if (Update && expected.ToString() != text[start..end])
        {
            File.WriteAllText(path, text[..start] + expected + text[end..]);
            return;
        }
        Assert.Equal(expected.ToString(), text[start..end]);
    }

    private static DiagnosticSeverity Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
