using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Seedance.EndToEnd.Tests;

/// <summary>How a fenced C# block becomes a compilation unit (see <see cref="DocumentationCodeBlockTests"/>).</summary>
public enum CodeBlockKind
{
    /// <summary>Only statements (and, first, any <c>using</c> directives they need): wrapped into a method of its own class.</summary>
    Statements,

    /// <summary>Declarations only (<c>using</c>s, a namespace, types): compiled as a file as it is.</summary>
    File,

    /// <summary>Top-level statements followed by declarations: a whole <c>Program.cs</c>, compiled alone in a new console project.</summary>
    Program,

    /// <summary>Fenced as <c>```csharp fragment</c>: not compiled, only counted.</summary>
    Fragment,
}

/// <summary>What a block on a rule page (<c>docs/rules/SEEDnnnn.md</c>) shows, read from the heading it sits under.</summary>
public enum CodeBlockRole
{
    /// <summary>Not on a rule page: ordinary usage, which must raise no SEED diagnostic at all.</summary>
    Usage,

    /// <summary>Under <c>## Bad code</c>: must raise the page's rule.</summary>
    Bad,

    /// <summary>Under <c>## Fixed code</c>: must raise no SEED diagnostic.</summary>
    Fixed,

    /// <summary>
    /// Under <c>## Configure</c>: a <c>#pragma warning disable</c> of the page's rule. As written it raises no SEED
    /// diagnostic; with its <c>#pragma</c> lines blanked it must raise the page's rule (so the example suppresses something).
    /// </summary>
    Suppressed,
}

/// <summary>One fenced <c>csharp</c> block of a Markdown file.</summary>
/// <param name="RelativePath">The Markdown file, relative to the repository root, with forward slashes.</param>
/// <param name="FullPath">The Markdown file's absolute path (what the compiled block's <c>#line</c> directives name).</param>
/// <param name="StartLine">The 1-based line of the block's first code line (the line after the opening fence).</param>
/// <param name="Lines">The block's code lines, without the fences.</param>
/// <param name="Flags">The info string's words after <c>csharp</c>, such as <c>fragment</c>.</param>
/// <param name="Heading">The text of the nearest heading above the block ("Bad code"), or empty.</param>
public sealed record MarkdownCodeBlock(string RelativePath, string FullPath, int StartLine, IReadOnlyList<string> Lines, IReadOnlyList<string> Flags, string Heading)
{
    public string Text => string.Join("\n", Lines) + "\n";

    /// <summary>The 1-based line of the closing fence's predecessor: the block's last code line.</summary>
    public int EndLine => StartLine + Lines.Count - 1;

    /// <summary>A name unique in the repository, usable as a file name and a namespace segment: <c>docs_rules_SEED0001_L42</c>.</summary>
    public string Id => Regex.Replace(RelativePath[..^Path.GetExtension(RelativePath).Length], "[^A-Za-z0-9]", "_") + "_L" + StartLine;

    /// <summary>Where a developer finds it: <c>docs/rules/SEED0001.md:42</c>.</summary>
    public string Where => $"{RelativePath}:{StartLine}";

    /// <summary>The rule ID of the page the block is on (<c>docs/rules/SEED0001.md</c>), or null.</summary>
    public string? RulePage
    {
        get
        {
            var match = Regex.Match(RelativePath, @"^docs/rules/(?<id>SEED[0-9]{4})\.md$");
            return match.Success ? match.Groups["id"].Value : null;
        }
    }

    public bool Contains(int line) => line >= StartLine && line <= EndLine;

    public override string ToString() => Where;
}

/// <summary>The result of reading one block with the C# parser.</summary>
/// <param name="Kind">How it is compiled.</param>
/// <param name="UsingLines">For <see cref="CodeBlockKind.Statements"/>: how many of its first lines hold its <c>using</c> directives.</param>
/// <param name="Awaits">Whether the statements use <c>await</c> (the wrapping method is then <c>async</c>).</param>
/// <param name="SyntaxErrors">What the parser reported (<c>(line,column): error CSnnnn: …</c>, lines of the Markdown file); the kind is then a guess.</param>
public sealed record CodeBlockShape(CodeBlockKind Kind, int UsingLines, bool Awaits, IReadOnlyList<string> SyntaxErrors);

internal static partial class MarkdownCodeBlocks
{
    // CommonMark: up to three spaces, then three or more backticks or tildes, then the info string.
    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})\s*(?<info>[^`]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    private static readonly HashSet<string> CSharpInfo = new(StringComparer.OrdinalIgnoreCase) { "csharp", "cs", "c#" };

    /// <summary>The Markdown files whose C# blocks are compiled: README.md, every <c>docs/**/*.md</c>, the two package pages.</summary>
    public static IReadOnlyList<string> DocumentationFiles(string repoRoot)
    {
        var files = new List<string> { Path.Combine(repoRoot, "README.md") };
        files.AddRange(Directory.GetFiles(Path.Combine(repoRoot, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        files.Add(Path.Combine(repoRoot, "src", "Seedance", "PACKAGE.md"));
        files.Add(Path.Combine(repoRoot, "src", "Seedance.Journal.Sqlite", "README.md"));
        return files;
    }

    /// <summary>Every fenced block whose info string starts with <c>csharp</c> (or <c>cs</c>, <c>c#</c>).</summary>
    public static IReadOnlyList<MarkdownCodeBlock> Read(string repoRoot, string fullPath)
    {
        var relative = Path.GetRelativePath(repoRoot, fullPath).Replace('\\', '/');
        var lines = File.ReadAllText(fullPath).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<MarkdownCodeBlock>();
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var open = OpeningFence().Match(lines[i]);
            if (!open.Success)
            {
                var title = Heading().Match(lines[i]);
                if (title.Success) heading = title.Groups["text"].Value;
                continue;
            }
            var fence = open.Groups["fence"].Value;
            var words = open.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !IsClosingFence(lines[end], fence)) end++;
            if (words.Length > 0 && CSharpInfo.Contains(words[0]))
            {
                blocks.Add(new MarkdownCodeBlock(relative, fullPath, start + 1, lines[start..Math.Min(end, lines.Length)], words[1..], heading));
            }
            i = end;
        }
        return blocks;
    }

    private static bool IsClosingFence(string line, string fence)
    {
        var trimmed = line.TrimStart(' ');
        if (line.Length - trimmed.Length > 3) return false;
        var run = trimmed.Length - trimmed.TrimStart(fence[0]).Length;
        return run >= fence.Length && trimmed[run..].Trim().Length == 0;
    }

    /// <summary>Parses the block as a C# file (top-level statements allowed) and says how it is compiled.</summary>
    public static CodeBlockShape Shape(MarkdownCodeBlock block)
    {
        if (block.Flags.Contains("fragment", StringComparer.OrdinalIgnoreCase)) return new CodeBlockShape(CodeBlockKind.Fragment, 0, false, []);
        var tree = CSharpSyntaxTree.ParseText(block.Text, new CSharpParseOptions(LanguageVersion.Preview));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return $"{block.RelativePath}({block.StartLine + start.Line},{start.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToArray();
        var statements = root.Members.OfType<GlobalStatementSyntax>().Any();
        var declarations = root.Members.Any(m => m is not GlobalStatementSyntax) || root.AttributeLists.Count > 0 || root.Externs.Count > 0;
        var awaits = root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.AwaitKeyword));
        if (statements && declarations) return new CodeBlockShape(CodeBlockKind.Program, 0, awaits, errors);
        if (!statements) return new CodeBlockShape(CodeBlockKind.File, 0, awaits, errors);
        var usingLines = root.Usings.Count == 0 ? 0 : tree.GetLineSpan(root.Usings.Last().Span).EndLinePosition.Line + 1;
        return new CodeBlockShape(CodeBlockKind.Statements, usingLines, awaits, errors);
    }

    /// <summary>The role of a block on a rule page, from its heading; null when the heading names none.</summary>
    public static CodeBlockRole? Role(MarkdownCodeBlock block)
    {
        if (block.RulePage is null) return CodeBlockRole.Usage;
        return block.Heading switch
        {
            "Bad code" => CodeBlockRole.Bad,
            "Fixed code" => CodeBlockRole.Fixed,
            "Configure" => CodeBlockRole.Suppressed,
            _ => null,
        };
    }
}
