using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>
/// Maps character offsets in a string literal's value to the source characters that produced them, so a
/// squiggle covers "@Image1" inside the literal and not the whole argument. Handles regular strings
/// (escape sequences), verbatim strings (doubled quotes), raw strings (indentation removed from
/// multi-line ones) and interpolated strings' text parts (doubled braces). When the decoded text does not
/// match the compiler's value (a form this mapper does not know), it maps everything to the whole token.
/// </summary>
internal sealed class LiteralMap
{
    private readonly SyntaxToken _token;
    private readonly bool _opaque;
    private readonly TextSpan _whole;
    private int[]? _offsets;
    private bool _decoded;

    private LiteralMap(SyntaxToken token, bool opaque, TextSpan whole, string value)
    {
        _token = token;
        _opaque = opaque;
        _whole = whole;
        Value = value;
    }

    public string Value { get; }

    /// <summary>The tree of the literal (null for an opaque map).</summary>
    public SyntaxTree? Tree => _opaque ? null : _token.SyntaxTree;

    /// <summary>True when offsets map to individual characters (false: only to the whole token).</summary>
    public bool IsExact => Offsets is not null;

    // Decoded on first use only: most prompts have no violation, and then nothing needs a position.
    private int[]? Offsets
    {
        get
        {
            if (!_decoded)
            {
                _offsets = _opaque ? null : Decode(_token, Value);
                _decoded = true;
            }
            return _offsets;
        }
    }

    /// <summary>The source span of value characters [start, start + length).</summary>
    public TextSpan Map(int start, int length)
    {
        var offsets = Offsets;
        if (offsets is null || Value.Length == 0) return _whole;
        start = Math.Max(0, Math.Min(start, Value.Length - 1));
        var last = Math.Max(start, Math.Min(start + Math.Max(length, 1) - 1, Value.Length - 1));
        var from = offsets[start];
        var to = offsets[last + 1];
        return TextSpan.FromBounds(from, Math.Max(from, to));
    }

    /// <summary>A map for a string literal token, or for a text part of an interpolated string.</summary>
    /// <param name="value">The token's value; for interpolated text parts, the operation's constant (their ValueText keeps doubled braces).</param>
    public static LiteralMap ForToken(SyntaxToken token, string? value = null) => new(token, opaque: false, token.Span, value ?? token.ValueText);

    /// <summary>A map that can only point at <paramref name="span"/> (a constant from elsewhere).</summary>
    public static LiteralMap Opaque(string value, TextSpan span) => new(default, opaque: true, span, value);

    private static int[]? Decode(SyntaxToken token, string value)
    {
        try
        {
            return token.Kind() switch
            {
                SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken => DecodeStringLiteral(token, value),
                SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken => DecodeRawSingleLine(token, value),
                SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken => DecodeRawMultiLine(token, value),
                SyntaxKind.InterpolatedStringTextToken => DecodeInterpolatedText(token, value),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // A form this mapper does not know: point at the whole token rather than at wrong characters.
            return null;
        }
    }

    private static int[]? DecodeStringLiteral(SyntaxToken token, string value)
    {
        var text = token.Text;
        var start = token.SpanStart;
        var verbatim = text.StartsWith("@\"", StringComparison.Ordinal);
        var i = verbatim ? 2 : 1;
        var end = text.Length - 1;
        if (token.IsKind(SyntaxKind.Utf8StringLiteralToken)) end = text.LastIndexOf('"');
        var decoded = new System.Text.StringBuilder(value.Length);
        var offsets = new List<int>(value.Length + 1);
        while (i < end)
        {
            var c = text[i];
            if (verbatim)
            {
                offsets.Add(start + i);
                decoded.Append(c);
                i += c == '"' ? 2 : 1;
                continue;
            }
            if (c != '\\')
            {
                offsets.Add(start + i);
                decoded.Append(c);
                i++;
                continue;
            }
            var escapeStart = i;
            var (chars, length) = DecodeEscape(text, i);
            foreach (var ch in chars)
            {
                offsets.Add(start + escapeStart);
                decoded.Append(ch);
            }
            i += length;
        }
        offsets.Add(start + i);
        return decoded.ToString() == value ? offsets.ToArray() : null;
    }

    private static (string Chars, int Length) DecodeEscape(string text, int i)
    {
        var e = text[i + 1];
        switch (e)
        {
            case '\'': return ("'", 2);
            case '"': return ("\"", 2);
            case '\\': return ("\\", 2);
            case '0': return ("\0", 2);
            case 'a': return ("\a", 2);
            case 'b': return ("\b", 2);
            case 'e': return ("\u001b", 2);
            case 'f': return ("\f", 2);
            case 'n': return ("\n", 2);
            case 'r': return ("\r", 2);
            case 't': return ("\t", 2);
            case 'v': return ("\v", 2);
            case 'u':
                return (((char)int.Parse(text.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(), 6);
            case 'U':
                return (char.ConvertFromUtf32(int.Parse(text.Substring(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)), 10);
            case 'x':
                var length = 0;
                while (length < 4 && i + 2 + length < text.Length && Uri.IsHexDigit(text[i + 2 + length])) length++;
                return (((char)int.Parse(text.Substring(i + 2, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(), 2 + length);
            default:
                throw new ArgumentException("unknown escape");
        }
    }

    private static int[]? DecodeRawSingleLine(SyntaxToken token, string value)
    {
        var text = token.Text;
        var quotes = 0;
        while (quotes < text.Length && text[quotes] == '"') quotes++;
        if (text.Substring(quotes, Math.Min(value.Length, text.Length - quotes)) != value) return null;
        var offsets = new int[value.Length + 1];
        for (var k = 0; k <= value.Length; k++) offsets[k] = token.SpanStart + quotes + k;
        return offsets;
    }

    private static int[]? DecodeRawMultiLine(SyntaxToken token, string value)
    {
        // Content lines sit between the opening and closing delimiter lines; each loses the closing
        // line's leading whitespace. Walk the source lines and the value together.
        var text = token.Text;
        var firstBreak = text.IndexOf('\n');
        var lastBreak = text.LastIndexOf('\n');
        if (firstBreak < 0 || lastBreak <= firstBreak) return null;
        var closingLine = text.Substring(lastBreak + 1);
        var indentation = closingLine.Length - closingLine.TrimStart(' ', '\t').Length;
        var offsets = new List<int>(value.Length + 1);
        var decoded = new System.Text.StringBuilder(value.Length);
        var lineStart = firstBreak + 1;
        var lastContentEnd = text[lastBreak - 1] == '\r' ? lastBreak - 1 : lastBreak;
        while (lineStart <= lastContentEnd)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > lastBreak) lineEnd = lastBreak;
            var contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (lineStart > firstBreak + 1)
            {
                // The line break between two content lines belongs to the value.
                var breakStart = text[lineStart - 2] == '\r' ? lineStart - 2 : lineStart - 1;
                for (var k = breakStart; k < lineStart; k++)
                {
                    offsets.Add(token.SpanStart + k);
                    decoded.Append(text[k]);
                }
            }
            var contentStart = Math.Min(lineStart + indentation, contentEnd);
            for (var k = contentStart; k < contentEnd; k++)
            {
                offsets.Add(token.SpanStart + k);
                decoded.Append(text[k]);
            }
            if (lineEnd >= lastBreak) break;
            lineStart = lineEnd + 1;
        }
        offsets.Add(token.SpanStart + lastContentEnd);
        return decoded.ToString() == value ? offsets.ToArray() : null;
    }

    private static int[]? DecodeInterpolatedText(SyntaxToken token, string value)
    {
        var text = token.Text;
        var interpolated = token.Parent?.Parent as InterpolatedStringExpressionSyntax;
        var startToken = interpolated?.StringStartToken.Text ?? "$\"";
        var verbatim = startToken.Contains("@");
        var raw = startToken.Contains("\"\"\"");
        var offsets = new List<int>(value.Length + 1);
        var decoded = new System.Text.StringBuilder(value.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (raw)
            {
                offsets.Add(token.SpanStart + i);
                decoded.Append(c);
                i++;
            }
            else if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                offsets.Add(token.SpanStart + i);
                decoded.Append(c);
                i += 2;
            }
            else if (verbatim && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
            {
                offsets.Add(token.SpanStart + i);
                decoded.Append(c);
                i += 2;
            }
            else if (!verbatim && c == '\\' && i + 1 < text.Length)
            {
                var (chars, length) = DecodeEscape(text, i);
                foreach (var ch in chars)
                {
                    offsets.Add(token.SpanStart + i);
                    decoded.Append(ch);
                }
                i += length;
            }
            else
            {
                offsets.Add(token.SpanStart + i);
                decoded.Append(c);
                i++;
            }
        }
        offsets.Add(token.SpanStart + text.Length);
        return decoded.ToString() == value ? offsets.ToArray() : null;
    }
}
