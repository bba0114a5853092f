using System.IO;
using System.Linq;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Diagnostics;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Analyzers;

public sealed class DescriptorTests
{
    private static readonly string DocsFolder = Path.Combine(TestPaths.RepoRoot, "docs", "rules");

    [Fact]
    public void Every_descriptor_has_a_help_link_to_its_docs_page_and_every_page_a_descriptor()
    {
        var ids = SeedanceDescriptors.All.Select(d => d.Id).ToArray();
        Assert.Equal(RuleCatalog.All.Select(r => r.Info.Id), ids);
        foreach (var descriptor in SeedanceDescriptors.All)
        {
            Assert.Equal($"https://github.com/seedance-generators/Seedance.Generators/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(DocsFolder, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no docs page");
            Assert.StartsWith($"# {descriptor.Id}: ", File.ReadAllLines(page)[0]);
        }
        var pages = Directory.GetFiles(DocsFolder, "SEED*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.Equal(ids.OrderBy(n => n, System.StringComparer.Ordinal), pages);
    }

    [Fact]
    public void Every_descriptor_is_supported_by_an_analyzer()
    {
        var supported = new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new SeedanceRequestAnalyzer(), new RequestFileAnalyzer(), new MatrixFileAnalyzer() }
            .SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.Equal(SeedanceDescriptors.All.Select(d => d.Id).OrderBy(n => n, System.StringComparer.Ordinal), supported);
    }
}
