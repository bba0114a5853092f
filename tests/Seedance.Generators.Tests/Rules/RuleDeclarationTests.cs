using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Seedance.Generators.Diagnostics;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Rules;

/// <summary>
/// A rule's declaration (RuleCatalog: ID, severity, title, message, description) is the one its descriptor, its
/// run-time validation and its documentation tables must agree with. The descriptors keep constant severities for
/// release tracking (RS2008), so this test is what ties the two.
/// </summary>
public sealed class RuleDeclarationTests
{
    [Fact]
    public void Every_descriptor_matches_its_rule_declaration()
    {
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), SeedanceDescriptors.All.Select(d => d.Id));
        foreach (var rule in RuleCatalog.All)
        {
            var descriptor = SeedanceDescriptors.For(rule);
            Assert.Equal(rule.Id, descriptor.Id);
            Assert.Equal(Severity(rule.Severity), descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, rule.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.Equal($"https://github.com/seedance-generators/Seedance.Generators/blob/main/docs/rules/{rule.Id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "docs", "rules", rule.Id + ".md")), $"{rule.Id} has no docs page");
        }
    }

    [Fact]
    public void The_README_rule_table_lists_every_rule_with_its_default_severity()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var rows = Regex.Matches(text, @"^\| \[(SEED\d{4})\]\(docs/rules/\1\.md\) \| (error|warning|info) \|", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .ToList();
        Assert.Equal(RuleCatalog.All.Select(r => (r.Id, r.Severity.ToString().ToLowerInvariant())), rows);
    }

    [Fact]
    public void The_rules_index_lists_every_rule_with_its_severity_and_title()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "rules", "README.md"));
        var rows = Regex.Matches(text, @"^\| (SEED\d{4}) \| (Error|Warning|Info) \| (.+?) \| \[\1\]\(\1\.md\) \|", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))
            .ToList();
        Assert.Equal(RuleCatalog.All.Select(r => (r.Id, r.Severity.ToString(), r.Title)), rows);
    }

    private static DiagnosticSeverity Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
