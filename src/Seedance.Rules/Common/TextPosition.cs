using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>A 1-based line and column in a text, with the 0-based character offset it came from.</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column)
{
    /// <summary>Finds the line and column of <paramref name="offset"/> (computed on demand: only errors need it).</summary>
    public static TextPosition FromOffset(string text, int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > text.Length) offset = text.Length;
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(offset, line, offset - lineStart + 1);
    }

    public override string ToString() => $"({Line},{Column})";
}
