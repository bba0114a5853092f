using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Seedance.Generators.Analyzers;
using Seedance.Generators.CodeFixes;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>
/// samples/Seedance.Samples.Diagnostics shows one case of every request rule, each under a comment that names
/// it: the sample must raise exactly those rules, each where its comment says, so that it cannot go stale.
/// </summary>
public sealed class DiagnosticsSampleTests
{
    private const string Folder = "samples/Seedance.Samples.Diagnostics";

    [Fact]
    public async Task Each_mistake_raises_the_rule_its_comment_names_and_nothing_else()
    {
        var (tree, output) = CompileMistakes();
        var source = tree.ToString();

        var requestFile = new InMemoryAdditionalText(Folder + "/mistake.seedance.json", GeneratorHarness.ReadRepoFile(Folder + "/mistake.seedance.json"));
        var diagnostics = await output
            .WithAnalyzers([new SeedanceRequestAnalyzer(), new RequestFileAnalyzer()], new AnalyzerOptions([requestFile]))
            .GetAnalyzerDiagnosticsAsync();

        // "// SEEDnnnn: …" opens the section of one mistake, up to the next such comment.
        var sections = Regex.Matches(source, @"^\s*// (SEED\d{4}):", RegexOptions.Multiline)
            .Select(m => (Id: m.Groups[1].Value, Line: tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(m.Index, 1)).StartLinePosition.Line))
            .ToList();
        var inCode = diagnostics.Where(d => d.Location.SourceTree == tree).ToList();
        foreach (var diagnostic in inCode)
        {
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
            var section = sections.LastOrDefault(s => s.Line < line);
            Assert.True(section.Id == diagnostic.Id, $"{diagnostic} is in the section of {section.Id ?? "no rule"}");
        }
        var requestRules = RuleCatalog.Request.Select(r => r.Info.Id).ToList();
        Assert.Equal(requestRules, sections.Select(s => s.Id).Distinct().Order());
        Assert.Equal(requestRules, inCode.Select(d => d.Id).Distinct().Order());

        // The request file shows the JSON front end with two mistakes of its own.
        var inFile = diagnostics.Where(d => d.Location.GetLineSpan().Path.EndsWith("mistake.seedance.json")).Select(d => d.Id).Order().ToArray();
        Assert.Equal(["SEED0001", "SEED0002"], inFile);
    }

    [Fact]
    public async Task The_broken_matrix_sample_reports_each_of_its_problems_at_its_line()
    {
        var matrix = new InMemoryAdditionalText("samples/Seedance.Samples.BrokenMatrix/seedance.models.json", GeneratorHarness.ReadRepoFile("samples/Seedance.Samples.BrokenMatrix/seedance.models.json"));
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient), matrix);
        var diagnostics = await output.WithAnalyzers([new MatrixFileAnalyzer()], new AnalyzerOptions([matrix])).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(RuleCatalog.InvalidMatrix.Info.Id, d.Id));
        Assert.All(diagnostics, d => Assert.True(d.Location.GetLineSpan().StartLinePosition.Line > 0, d.ToString()));
    }

    /// <summary>
    /// A rule that declares a fix title must produce a fix where the user writes the mistake: the sample's case
    /// of each such rule gets a code action, and applying it removes that diagnostic.
    /// </summary>
    [Fact]
    public async Task Every_rule_that_declares_a_fix_fixes_its_case_in_the_sample()
    {
        var (_, output) = CompileMistakes();
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Sample", "Sample", LanguageNames.CSharp,
            compilationOptions: output.Options, parseOptions: GeneratorHarness.ParseOptions, metadataReferences: GeneratorHarness.References));
        var index = 0;
        foreach (var source in output.SyntaxTrees)
        {
            var name = source.FilePath.Length > 0 ? Path.GetFileName(source.FilePath) : $"Generated{index++}.cs";
            project = project.AddDocument(name, source.GetText(), filePath: name).Project;
        }

        var provider = new SeedanceCodeFixProvider();
        var before = await Diagnostics(project);
        foreach (var id in provider.FixableDiagnosticIds)
        {
            var diagnostic = before.First(d => d.Id == id);
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            Assert.True(actions.Count > 0, $"{id} declares a fix but none is offered for {diagnostic}");
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var fixedProject = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(project.Id)!;
            var after = await Diagnostics(fixedProject);
            Assert.True(after.Count(d => d.Id == id) < before.Count(d => d.Id == id), $"{id}: '{actions[0].Title}' left the diagnostic in place");
        }
    }

    /// <summary>The sample's Mistakes.cs with the generated request types, as its project compiles it: no compiler error.</summary>
    private static (SyntaxTree Tree, Compilation Output) CompileMistakes()
    {
        var tree = CSharpSyntaxTree.ParseText(GeneratorHarness.ReadRepoFile(Folder + "/Mistakes.cs"), GeneratorHarness.ParseOptions, path: "Mistakes.cs");
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation().AddSyntaxTrees(tree));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (tree, output);
    }

    private static async Task<ImmutableArray<Diagnostic>> Diagnostics(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers([new SeedanceRequestAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }
}
