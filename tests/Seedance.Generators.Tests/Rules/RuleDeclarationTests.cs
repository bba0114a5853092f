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
    public void Every_rule_class_is_in_the_catalogue_once_and_the_IDs_run_without_a_gap()
    {
        var classes = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(classes);
        // A rule class whose file forgets its RuleCatalog field is never run by any front end.
        Assert.Equal(classes, RuleCatalog.All.Select(r => r.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal));
        var ids = RuleCatalog.All.Select(r => r.Info.Id).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(n => $"SEED{n:D4}"), ids);
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
    public void The_release_files_give_every_rule_its_declared_category_and_severity()
    {
        // Roslyn's release-tracking format: releases in Shipped.md in order, then Unshipped.md; a rule is added
        // under "New Rules", altered under "Changed Rules" (ID, new category, new severity, old ones, notes)
        // and retired under "Removed Rules". What the files add up to must be the catalogue.
        var folder = Path.Combine(TestPaths.RepoRoot, "src", "Seedance.Generators", "Releases");
        var state = new Dictionary<string, (string Category, string Severity)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            string? section = null;
            foreach (var line in File.ReadAllLines(Path.Combine(folder, file)))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal)) { section = line[4..].Trim(); continue; }
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length < 3 || !Regex.IsMatch(cells[0], @"^SEED\d{4}$")) continue;
                switch (section)
                {
                    case "New Rules":
                        Assert.True(state.TryAdd(cells[0], (cells[1], cells[2])), $"{file}: {cells[0]} added twice");
                        break;
                    case "Changed Rules":
                        Assert.True(state.ContainsKey(cells[0]), $"{file}: {cells[0]} changed before it was added");
                        state[cells[0]] = (cells[1], cells[2]);
                        break;
                    case "Removed Rules":
                        Assert.True(state.Remove(cells[0]), $"{file}: {cells[0]} removed but never added");
                        break;
                    default:
                        Assert.Fail($"{file}: {cells[0]} outside a New, Changed or Removed Rules table");
                        break;
                }
            }
        }
        var declared = RuleCatalog.All.Select(r => r.Info).ToDictionary(r => r.Id, r => (RuleInfo.Category, r.Severity.ToString()));
        var missing = declared.Keys.Except(state.Keys).Order().ToList();
        if (Update && missing.Count > 0)
        {
            var unshipped = Path.Combine(folder, "AnalyzerReleases.Unshipped.md");
            var text = File.ReadAllText(unshipped).TrimEnd('\n');
            if (!text.Contains("### New Rules", StringComparison.Ordinal)) text += "\n\n### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------";
            foreach (var id in missing) text += $"\n{id} | {RuleInfo.Category} | {declared[id].Item2} | {RuleCatalog.All.First(r => r.Info.Id == id).Info.Title}";
            File.WriteAllText(unshipped, text + "\n");
            Assert.Fail($"{unshipped}: {string.Join(", ", missing)} added under New Rules; review the change and run the tests again.");
        }
        // A changed severity needs a "Changed Rules" row by hand: it is a breaking change for users' builds.
        Assert.Equal(declared.OrderBy(p => p.Key, StringComparer.Ordinal), state.OrderBy(p => p.Key, StringComparer.Ordinal));
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
            Assert.Fail($"{path}: rewritten from the rule declarations; review the change and run the tests again.");
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
