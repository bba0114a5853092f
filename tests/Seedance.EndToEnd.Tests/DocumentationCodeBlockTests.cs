using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace Seedance.EndToEnd.Tests;

/// <summary>
/// Every fenced <c>```csharp</c> block of README.md, <c>docs/**/*.md</c> and the package page
/// (<c>src/Seedance/PACKAGE.md</c>) is compiled against the packed package, in two kinds of project.
/// <para>How a block becomes a compilation unit (read with the C# parser):</para>
/// <list type="bullet">
/// <item><b>Program</b>: top-level statements followed by declarations (a namespace, a type). A whole
/// <c>Program.cs</c>: each distinct one is the only source of a new console project (what <c>dotnet new
/// console</c> gives, without the fixture's <c>VideoClient.cs</c>), exactly as written, and must build with no
/// warning or error at all. README's Quick start must be one.</item>
/// <item><b>Statements</b>: statements only, after any <c>using</c> directives they need. The body of a method
/// (<c>async</c> when it awaits) of its own class in its own namespace <c>MyApp.Docs.&lt;file&gt;_L&lt;line&gt;</c>,
/// with <c>using Seedance;</c> and the implicit usings of a console app; its <c>using</c>s go to the top of the
/// file. So a block sees what code in the Quick start's namespace sees: <c>VideoClient</c> (the
/// <c>[SeedanceClient]</c> class of namespace <c>MyApp</c>) and the request types generated beside it, and
/// nothing else: every other name it uses, it declares.</item>
/// <item><b>File</b>: declarations only. Compiled as a file as it is.</item>
/// <item><b>Fragment</b>: fenced as <c>```csharp fragment</c>. Not compiled; counted and printed. Prefer
/// a block that compiles.</item>
/// </list>
/// Statements and files are all compiled in one project (with the SQLite journal's package, and the info-level
/// rules raised to warnings so that the build prints them). <c>#line</c> directives map each block to its Markdown
/// file, so the compiler's messages name <c>README.md(42,5)</c>. No block may raise a CS (or any non-SEED)
/// warning or error; a block with a syntax error is reported and left out of the build (a syntax error stops
/// the compiler before the other blocks are bound). Outside the rule pages no block may raise a SEED
/// diagnostic (info-level ones included). On a rule page
/// <c>docs/rules/SEEDnnnn.md</c> the heading above a block says what it shows: under <c>## Bad code</c> it
/// must raise SEEDnnnn; under <c>## Fixed code</c> it must raise no SEED diagnostic; under <c>## Configure</c> it
/// is a <c>#pragma warning disable SEEDnnnn</c> example, which raises no SEED diagnostic as written and
/// must raise SEEDnnnn with its <c>#pragma</c> lines blanked. A block under any other heading of a rule page fails.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DocumentationCodeBlockTests
{
    /// <summary>Fewer blocks than this means the extraction broke, not that the docs shrank (48 when written).</summary>
    private const int MinimumBlocks = 45;

    /// <summary>SEED0001–SEED0014 each have a Bad, a Fixed and a Configure block (SEED0015 is about the matrix file).</summary>
    private const int MinimumRulePages = 14;

    private const string DocsFolder = "Docs";
    private const string UnsuppressedFolder = "Docs/Unsuppressed";

    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public DocumentationCodeBlockTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    private sealed record Block(MarkdownCodeBlock Markdown, CodeBlockShape Shape, CodeBlockRole? Role);

    [Fact]
    public void The_readme_quick_start_and_every_other_program_build_alone_as_a_new_console_app()
    {
        var blocks = ReadBlocks();
        var quickStart = blocks.Where(b => b.Markdown.RelativePath == "README.md" && b.Markdown.Heading == "Quick start").ToArray();
        Assert.True(quickStart.Length == 1, $"README.md's Quick start should have exactly one csharp block; found {quickStart.Length}.");
        Assert.True(quickStart[0].Shape.SyntaxErrors.Count == 0,
            $"{quickStart[0].Markdown.Where}: the Quick start does not parse as a C# file:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", quickStart[0].Shape.SyntaxErrors)}");
        Assert.True(quickStart[0].Shape.Kind == CodeBlockKind.Program,
            $"{quickStart[0].Markdown.Where}: the Quick start should be a whole Program.cs (top-level statements, then the [SeedanceClient] class), but it reads as {quickStart[0].Shape.Kind}.");

        var programs = blocks.Where(b => b.Shape.Kind == CodeBlockKind.Program).GroupBy(b => b.Markdown.Text, StringComparer.Ordinal).ToArray();
        _output.WriteLine($"{programs.Length} distinct program(s) in {programs.Sum(p => p.Count())} block(s).");
        var failures = new List<string>();
        var index = 0;
        foreach (var program in programs)
        {
            var project = _fixture.CreateProject($"docs-program-{++index}");
            // The program declares its own [SeedanceClient] class; a new console app has nothing but Program.cs.
            project.DeleteFile("VideoClient.cs");
            project.WriteFile("Program.cs", program.Key);
            // The journal package's own page is read by someone who has added that package too.
            if (program.Any(b => b.Markdown.RelativePath.StartsWith("src/Seedance.Journal.Sqlite/", StringComparison.Ordinal)))
            {
                var add = _fixture.AddJournalPackage(project);
                Assert.True(add.ExitCode == 0, $"dotnet add package {PackageFixture.JournalPackageId} failed.{Environment.NewLine}{add}");
            }
            var build = project.Build();
            var diagnostics = project.Diagnostics(build);
            var where = string.Join(", ", program.Select(b => b.Markdown.Where));
            _output.WriteLine($"{where}: exit code {build.ExitCode}, {diagnostics.Count} diagnostic(s), {build.Elapsed.TotalSeconds:0.0} s");
            if (build.ExitCode != 0 || diagnostics.Count > 0)
            {
                var first = program.First().Markdown;
                var described = diagnostics.Select(d => d.File == "Program.cs" && d.Line > 0
                    ? $"  {first.RelativePath}({first.StartLine + d.Line - 1},{d.Column}): {d.Severity} {d.Id}: {d.Message}"
                    : "  " + d);
                failures.Add($"{where}: as the Program.cs of a new console app, the build exited {build.ExitCode} with:{Environment.NewLine}{string.Join(Environment.NewLine, described)}{Environment.NewLine}{build}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    [Fact]
    public void Every_csharp_block_of_the_docs_compiles_and_each_rule_page_shows_its_rule()
    {
        var blocks = ReadBlocks();
        Assert.True(blocks.Count >= MinimumBlocks, $"Found {blocks.Count} csharp blocks, fewer than {MinimumBlocks}: is the extraction broken?");

        var failures = new List<string>();
        // A syntax error stops the compiler before binding and before any analyzer: left out of the build, so
        // that the other blocks are still checked.
        foreach (var block in blocks.Where(b => b.Shape.Kind is CodeBlockKind.Statements or CodeBlockKind.File && b.Shape.SyntaxErrors.Count > 0))
        {
            failures.Add($"{block.Markdown.Where} does not parse as C# (compiled as {block.Shape.Kind}; not built):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", block.Shape.SyntaxErrors)}");
        }
        foreach (var block in blocks.Where(b => b.Role is null))
        {
            failures.Add($"{block.Markdown.Where}: a csharp block on a rule page must sit under \"## Bad code\", \"## Fixed code\" or \"## Configure\", not \"{block.Markdown.Heading}\".");
        }
        var rulePages = blocks.Where(b => b.Markdown.RulePage is not null).GroupBy(b => b.Markdown.RulePage!).ToArray();
        foreach (var page in rulePages)
        {
            // Only statements and files are built with the page's rule checked: a program or a fragment would pass unchecked.
            foreach (var block in page.Where(b => b.Shape.Kind is not (CodeBlockKind.Statements or CodeBlockKind.File)))
            {
                failures.Add($"{block.Markdown.Where}: a rule page's block must be statements or declarations (it is a {block.Shape.Kind}), so that its rule can be checked.");
            }
            var checkable = page.Where(b => b.Shape.Kind is CodeBlockKind.Statements or CodeBlockKind.File).ToArray();
            if (!checkable.Any(b => b.Role == CodeBlockRole.Bad)) failures.Add($"docs/rules/{page.Key}.md has no csharp block under \"## Bad code\".");
            if (!checkable.Any(b => b.Role == CodeBlockRole.Fixed)) failures.Add($"docs/rules/{page.Key}.md has no csharp block under \"## Fixed code\".");
            if (!checkable.Any(b => b.Role == CodeBlockRole.Suppressed)) failures.Add($"docs/rules/{page.Key}.md has no csharp block under \"## Configure\".");
        }
        Assert.True(rulePages.Length >= MinimumRulePages, $"Only {rulePages.Length} rule pages have csharp blocks; expected at least {MinimumRulePages}.");

        // One project for every block that is not a whole program.
        var compiled = blocks.Where(b => b.Shape.Kind is CodeBlockKind.Statements or CodeBlockKind.File && b.Role is not null && b.Shape.SyntaxErrors.Count == 0).ToArray();
        var project = _fixture.CreateProject("docs");
        var csproj = project.ReadFile(PackageFixture.ProjectName + ".csproj");
        project.WriteFile(PackageFixture.ProjectName + ".csproj", csproj.Replace("</Project>", $"""
              <PropertyGroup>
                <!-- The Bad code blocks raise SEED warnings on purpose; the test reads every diagnostic itself. -->
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFixture.JournalPackageId}" Version="{_fixture.Version}" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        // dotnet build prints info-level diagnostics only once raised.
        project.WriteFile(".editorconfig", """
            [*.cs]
            dotnet_diagnostic.SEED0011.severity = warning
            dotnet_diagnostic.SEED0012.severity = warning

            """);

        var byFile = new Dictionary<string, Block>(StringComparer.Ordinal);
        var unsuppressedByFile = new Dictionary<string, Block>(StringComparer.Ordinal);
        foreach (var block in compiled)
        {
            var file = $"{DocsFolder}/{block.Markdown.Id}.cs";
            project.WriteFile(file, Source(block, block.Markdown.Lines, unsuppressedCopy: false));
            byFile[file] = block;
            if (block.Role == CodeBlockRole.Suppressed)
            {
                var id = block.Markdown.RulePage!;
                if (!block.Markdown.Lines.Any(l => IsPragmaFor(l, id, "disable")))
                {
                    failures.Add($"{block.Markdown.Where}: a block under \"## Configure\" should show `#pragma warning disable {id}`.");
                    continue;
                }
                // The same block with its #pragma lines blank (so its lines stay where they were).
                var unsuppressed = block.Markdown.Lines.Select(l => IsPragmaFor(l, id, "disable") || IsPragmaFor(l, id, "restore") ? "" : l).ToArray();
                var copy = $"{UnsuppressedFolder}/{block.Markdown.Id}.cs";
                project.WriteFile(copy, Source(block, unsuppressed, unsuppressedCopy: true));
                unsuppressedByFile[copy] = block;
            }
        }

        var build = project.Build();
        var diagnostics = project.Diagnostics(build);
        _output.WriteLine($"{build.CommandLine}: exit code {build.ExitCode}, {diagnostics.Count} diagnostic(s), {build.Elapsed.TotalSeconds:0.0} s");
        _output.WriteLine(BuildDiagnostics.Describe(diagnostics));

        Block? Owner(BuildDiagnostic d) =>
            byFile.TryGetValue(d.File, out var inWrapper) ? inWrapper
            : compiled.FirstOrDefault(b => PathsEqual(b.Markdown.FullPath, d.File) && b.Markdown.Contains(d.Line));

        var asWritten = new Dictionary<Block, List<BuildDiagnostic>>();
        var withoutPragma = new Dictionary<Block, List<BuildDiagnostic>>();
        foreach (var diagnostic in diagnostics)
        {
            if (unsuppressedByFile.TryGetValue(diagnostic.File, out var copyOf))
            {
                if (!withoutPragma.TryGetValue(copyOf, out var list)) withoutPragma[copyOf] = list = [];
                list.Add(diagnostic);
                if (!IsSeed(diagnostic)) failures.Add($"{copyOf.Markdown.Where}, without its #pragma lines, does not compile cleanly: {diagnostic}");
                continue;
            }
            var owner = Owner(diagnostic);
            if (owner is null)
            {
                failures.Add($"A diagnostic outside every block: {diagnostic}");
                continue;
            }
            if (!asWritten.TryGetValue(owner, out var own)) asWritten[owner] = own = [];
            own.Add(diagnostic);
        }

        // After a compiler error (a declaration error above all) the compiler may skip analyzers: SEED checks that
        // fail then may follow from it.
        var compilerErrors = diagnostics.Where(d => !IsSeed(d) && d.Severity == "error").ToArray();
        var seedChecks = 0;
        foreach (var block in compiled)
        {
            var own = asWritten.GetValueOrDefault(block) ?? [];
            var where = block.Markdown.Where;
            var compilerDiagnostics = own.Where(d => !IsSeed(d)).ToArray();
            if (compilerDiagnostics.Length > 0)
            {
                failures.Add($"{where} ({block.Role}, compiled as {block.Shape.Kind}) does not compile cleanly:{Environment.NewLine}{BuildDiagnostics.Describe(compilerDiagnostics)}");
            }
            var seed = own.Where(IsSeed).ToArray();
            var id = block.Markdown.RulePage;
            switch (block.Role)
            {
                case CodeBlockRole.Bad:
                    if (seed.Any(d => d.Id == id)) seedChecks++;
                    else failures.Add($"{where}: the page shows this as the mistake, but it raises no {id}; it raises:{Environment.NewLine}{BuildDiagnostics.Describe(seed)}");
                    break;
                case CodeBlockRole.Fixed:
                case CodeBlockRole.Suppressed:
                case CodeBlockRole.Usage:
                    if (seed.Length == 0) seedChecks++;
                    else failures.Add($"{where} ({block.Role}) should raise no SEED diagnostic, but raises:{Environment.NewLine}{BuildDiagnostics.Describe(seed)}");
                    break;
            }
            if (block.Role == CodeBlockRole.Suppressed && unsuppressedByFile.ContainsValue(block))
            {
                var without = withoutPragma.GetValueOrDefault(block) ?? [];
                if (without.Any(d => d.Id == id)) seedChecks++;
                else failures.Add($"{where}: without its #pragma lines the example should raise {id} (so that the pragma suppresses something), but it raises:{Environment.NewLine}{BuildDiagnostics.Describe(without)}");
            }
        }

        // The counts, so that a run shows it checked something.
        foreach (var file in blocks.GroupBy(b => b.Markdown.RelativePath))
        {
            _output.WriteLine($"{file.Key}: {file.Count()} block(s) ({string.Join(", ", file.GroupBy(b => b.Role is CodeBlockRole.Usage ? b.Shape.Kind.ToString() : $"{b.Role}").Select(g => $"{g.Count()} {g.Key}"))})");
        }
        var fragments = blocks.Count(b => b.Shape.Kind == CodeBlockKind.Fragment);
        var programs = blocks.Count(b => b.Shape.Kind == CodeBlockKind.Program);
        _output.WriteLine($"{blocks.Count} csharp blocks in {blocks.Select(b => b.Markdown.RelativePath).Distinct().Count()} files: {compiled.Length} compiled here " +
            $"({compiled.Count(b => b.Shape.Kind == CodeBlockKind.Statements)} as statements, {compiled.Count(b => b.Shape.Kind == CodeBlockKind.File)} as files, " +
            $"{unsuppressedByFile.Count} also without their #pragma), {programs} program(s) built alone by the Quick start test, {fragments} excluded as fragments.");
        _output.WriteLine($"{rulePages.Length} rule pages; {seedChecks} SEED checks passed; {failures.Count} failure(s).");

        if (compilerErrors.Length > 0)
        {
            failures.Add($"The build has {compilerErrors.Length} compiler error(s): the compiler may then skip analyzers, so a failed SEED check above may follow from them.");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + Environment.NewLine + build);
        Assert.True(compiled.Length + programs + fragments == blocks.Count, "Every block is compiled here, built as a program or excluded as a fragment.");
        // One check per compiled block, and one more per Configure block built without its #pragma lines.
        var expectedChecks = compiled.Length + compiled.Count(b => b.Role == CodeBlockRole.Suppressed && unsuppressedByFile.ContainsValue(b));
        Assert.True(seedChecks == expectedChecks, $"{seedChecks} SEED checks passed, {expectedChecks} expected.");
    }

    private IReadOnlyList<Block> ReadBlocks()
    {
        var blocks = MarkdownCodeBlocks.DocumentationFiles(_fixture.RepoRoot)
            .SelectMany(f => MarkdownCodeBlocks.Read(_fixture.RepoRoot, f))
            .Select(b => new Block(b, MarkdownCodeBlocks.Shape(b), MarkdownCodeBlocks.Role(b)))
            .ToArray();
        foreach (var fragment in blocks.Where(b => b.Shape.Kind == CodeBlockKind.Fragment)) _output.WriteLine($"{fragment.Markdown.Where}: excluded (csharp fragment).");
        return blocks;
    }

    /// <summary>
    /// A statements block as a method of its own class, or a file block as it is, with <c>#line</c> directives that map
    /// it to the Markdown file; for <paramref name="unsuppressedCopy"/>, without them and in a namespace of its own.
    /// </summary>
    private static string Source(Block block, IReadOnlyList<string> lines, bool unsuppressedCopy)
    {
        var mapToMarkdown = !unsuppressedCopy;
        var markdown = block.Markdown;
        var builder = new StringBuilder();
        builder.Append("// ").Append(markdown.Where).Append(", compiled by ").Append(nameof(DocumentationCodeBlockTests)).Append(" as ").Append(block.Shape.Kind).Append('\n');
        void Mapped(int firstLine, IEnumerable<string> text)
        {
            if (mapToMarkdown) builder.Append("#line ").Append(firstLine).Append(" \"").Append(markdown.FullPath).Append("\"\n");
            foreach (var line in text) builder.Append(line).Append('\n');
            if (mapToMarkdown) builder.Append("#line default\n");
        }

        if (block.Shape.Kind == CodeBlockKind.File)
        {
            Mapped(markdown.StartLine, lines);
            return builder.ToString();
        }

        var usings = lines.Take(block.Shape.UsingLines).ToArray();
        if (usings.Length > 0) Mapped(markdown.StartLine, usings);
        if (!usings.Any(l => l.Trim() == "using Seedance;")) builder.Append("using Seedance;\n");
        builder.Append('\n');
        builder.Append("namespace MyApp.Docs.").Append(markdown.Id).Append(unsuppressedCopy ? "_WithoutPragma\n" : "\n");
        builder.Append("{\n");
        builder.Append("    internal static class CodeBlock\n");
        builder.Append("    {\n");
        builder.Append(block.Shape.Awaits ? "        internal static async Task RunAsync()\n" : "        internal static void Run()\n");
        builder.Append("        {\n");
        Mapped(markdown.StartLine + usings.Length, lines.Skip(usings.Length));
        builder.Append("        }\n");
        builder.Append("    }\n");
        builder.Append("}\n");
        return builder.ToString();
    }

    private static bool IsPragmaFor(string line, string id, string action)
    {
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 4 && words[0] == "#pragma" && words[1] == "warning" && words[2] == action
            && words.Skip(3).Any(w => w.TrimEnd(',') == id);
    }

    private static bool IsSeed(BuildDiagnostic diagnostic) => diagnostic.Id.StartsWith("SEED", StringComparison.Ordinal);

    private static bool PathsEqual(string a, string b) =>
        Path.IsPathRooted(b) && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
