using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Seedance.EndToEnd.Tests;

/// <summary>
/// One warning or error line of MSBuild's console output, e.g.
/// <c>/tmp/x/Mistakes.cs(9,19): error SEED0001: '@Image1' is not … [/tmp/x/Consumer.csproj]</c>.
/// <see cref="File"/> is relative to the project folder when inside it; <see cref="Line"/> and
/// <see cref="Column"/> are 1-based, 0 when the line has no location (e.g. <c>Consumer.csproj : warning NU1603</c>).
/// </summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}

internal static partial class BuildDiagnostics
{
    // origin : severity ID : message [project]
    [GeneratedRegex(@"^\s*(?<origin>.*?)\s*:\s+(?<severity>error|warning)\s+(?<id>[A-Za-z]+[0-9]+)\s*:\s*(?<message>.*?)(?:\s+\[(?<project>[^\]]+)\])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();

    // file(line,col) or file(line,col,endLine,endCol)
    [GeneratedRegex(@"^(?<file>.+)\((?<line>[0-9]+),(?<column>[0-9]+)(?:,[0-9]+,[0-9]+)?\)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocatedOrigin();

    /// <summary>Every distinct warning and error in <paramref name="output"/> (MSBuild prints them again in its summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output, string projectDirectory)
    {
        var result = new List<BuildDiagnostic>();
        var seen = new HashSet<(string, int, int, string, string)>();
        foreach (var rawLine in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(rawLine.TrimEnd('\r'));
            if (!match.Success) continue;
            var origin = match.Groups["origin"].Value;
            var file = origin;
            int line = 0, column = 0;
            var located = LocatedOrigin().Match(origin);
            if (located.Success)
            {
                file = located.Groups["file"].Value;
                line = int.Parse(located.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                column = int.Parse(located.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            file = Relative(file, projectDirectory);
            var diagnostic = new BuildDiagnostic(file, line, column, match.Groups["severity"].Value, match.Groups["id"].Value, match.Groups["message"].Value);
            if (seen.Add((diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Severity, diagnostic.Id))) result.Add(diagnostic);
        }
        return result;
    }

    public static string Describe(IEnumerable<BuildDiagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => "  " + d).ToArray();
        return lines.Length == 0 ? "  (none)" : string.Join(Environment.NewLine, lines);
    }

    private static string Relative(string file, string projectDirectory)
    {
        if (!Path.IsPathRooted(file)) return file.Trim();
        var full = Path.GetFullPath(file.Trim());
        var relative = Path.GetRelativePath(projectDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative.Replace('\\', '/');
    }
}
