using System;

namespace Seedance.EndToEnd.Tests;

/// <summary>Where a marker sits in a file, so that expected diagnostics name lines found in the text rather than typed-in numbers.</summary>
internal readonly record struct LiteralSpan(int Line, int FirstColumn, int LastColumn)
{
    public bool Contains(int column) => column >= FirstColumn && column <= LastColumn;

    public override string ToString() => $"line {Line}, columns {FirstColumn}-{LastColumn}";
}

internal static class SourceMarkers
{
    /// <summary>
    /// The string literal (C# or JSON, double-quoted, on one line) that contains <paramref name="marker"/>,
    /// which must occur exactly once in <paramref name="text"/>: its 1-based line and the 1-based columns
    /// of its opening and closing quotes.
    /// </summary>
    public static LiteralSpan LiteralAround(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"'{marker}' does not occur in the text.", nameof(marker));
        if (text.IndexOf(marker, index + 1, StringComparison.Ordinal) >= 0) throw new ArgumentException($"'{marker}' occurs more than once.", nameof(marker));

        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        if (index == 0) lineStart = 0;
        var lineEnd = text.IndexOf('\n', index);
        if (lineEnd < 0) lineEnd = text.Length;
        var line = 1;
        for (var i = 0; i < lineStart; i++)
        {
            if (text[i] == '\n') line++;
        }

        // The marker may itself start or end with a quote ("\"1080p\"").
        var open = marker.StartsWith('"') ? index : text.LastIndexOf('"', index, index - lineStart + 1);
        var searchFrom = index + marker.Length - (marker.EndsWith('"') && marker.Length > 1 ? 1 : 0);
        var close = text.IndexOf('"', searchFrom, lineEnd - searchFrom);
        if (open < lineStart || close < 0) throw new ArgumentException($"'{marker}' is not inside a one-line string literal.", nameof(marker));
        return new LiteralSpan(line, open - lineStart + 1, close - lineStart + 1);
    }
}
