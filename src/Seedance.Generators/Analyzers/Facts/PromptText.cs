using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>
/// The text of a prompt as far as the compiler can see it: literals of every kind, constants and their
/// concatenation, and the text parts of interpolated strings (a hole that is not constant becomes
/// U+FFFC and makes the text incomplete). Each piece remembers where it came from, so that a span of
/// the value maps back to the characters in the source.
/// </summary>
internal sealed class PromptText
{
    public const char Hole = '\uFFFC';

    // One builder per thread for the values of non-constant prompts, which every analysis reads.
    [System.ThreadStatic]
    private static StringBuilder? t_builder;

    private readonly IOperation _operation;
    private List<Segment>? _segments;

    private PromptText(string value, bool isComplete, List<Segment>? segments, IOperation operation)
    {
        Value = value;
        IsComplete = isComplete;
        _segments = segments;
        _operation = operation;
    }

    public string Value { get; }

    /// <summary>False when part of the text is only known at run time.</summary>
    public bool IsComplete { get; }

    public SyntaxTree Tree => _operation.Syntax.SyntaxTree;

    private readonly record struct Segment(int ValueStart, LiteralMap Map, string? Quote);

    /// <summary>The source location of value characters [start, start + length).</summary>
    public Location Locate(int start, int length)
    {
        var first = Find(start);
        var last = Find(start + System.Math.Max(length, 1) - 1);
        var from = first.Map.Map(start - first.ValueStart, 1);
        var to = last.Map.Map(start + System.Math.Max(length, 1) - 1 - last.ValueStart, 1);
        return Location.Create(Tree, TextSpan.FromBounds(from.Start, System.Math.Max(from.End, to.End)));
    }

    /// <summary>
    /// When the span lies inside one literal whose characters map one to one, the straight double quote
    /// as that literal kind writes it (\" in a regular string, "" in a verbatim one); otherwise null.
    /// </summary>
    public string? QuoteWithin(int start, int length)
    {
        var first = Find(start);
        var last = Find(start + System.Math.Max(length, 1) - 1);
        return first.Equals(last) && first.Map.IsExact ? first.Quote : null;
    }

    /// <summary>True when the span lies inside one literal and maps to its exact characters.</summary>
    public bool IsExact(int start, int length)
    {
        var first = Find(start);
        var last = Find(start + System.Math.Max(length, 1) - 1);
        return first.Equals(last) && first.Map.IsExact;
    }

    private Segment Find(int offset)
    {
        var segments = Segments;
        var found = segments[0];
        foreach (var segment in segments)
        {
            if (segment.ValueStart <= offset) found = segment;
            else break;
        }
        return found;
    }

    /// <summary>
    /// Where each piece of the value came from. Built on first use: most prompts break no rule, and a
    /// constant prompt's value is already known without walking its pieces.
    /// </summary>
    private List<Segment> Segments
    {
        get
        {
            if (_segments is null)
            {
                var builder = new StringBuilder(Value.Length);
                var segments = new List<Segment>();
                var complete = true;
                var pieces = 0;
                Append(_operation, builder, segments, ref complete, ref pieces);
                // A form the walk reads differently from the compiler: point at the whole expression instead.
                if (segments.Count == 0 || builder.ToString() != Value) segments = [new Segment(0, LiteralMap.Opaque(Value, _operation.Syntax.Span), null)];
                _segments = segments;
            }
            return _segments;
        }
    }

    /// <summary>Reads the prompt from <paramref name="operation"/>, or null when nothing of it is constant.</summary>
    public static PromptText? From(IOperation? operation)
    {
        if (operation is null) return null;
        // A constant (a literal, a const, constant concatenation): the compiler has the value already.
        if (operation.ConstantValue is { HasValue: true, Value: string constant }) return new PromptText(constant, true, null, operation);
        // Only the value now; where each piece came from is worked out if a violation needs a position.
        var builder = t_builder ??= new StringBuilder(256);
        builder.Clear();
        var complete = true;
        var pieces = 0;
        var found = Append(operation, builder, null, ref complete, ref pieces) && pieces > 0;
        var value = found ? builder.ToString() : null;
        // A rare very long prompt should not keep its buffer alive for the thread's lifetime.
        if (builder.Capacity > 4096) t_builder = null;
        return value is null ? null : new PromptText(value, complete, null, operation);
    }

    /// <summary>
    /// Appends the text of <paramref name="operation"/>; with <paramref name="segments"/>, also where each
    /// piece came from (the maps are made only then). <paramref name="pieces"/> counts the known pieces.
    /// </summary>
    private static bool Append(IOperation operation, StringBuilder builder, List<Segment>? segments, ref bool complete, ref int pieces)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
        if (operation is IParenthesizedOperation parenthesized) operation = parenthesized.Operand;

        switch (operation)
        {
            case ILiteralOperation when operation.ConstantValue is { HasValue: true, Value: string literal } && operation.Syntax is LiteralExpressionSyntax syntax:
                pieces++;
                if (segments is null) builder.Append(literal);
                else Add(builder, segments, literal, LiteralMap.ForToken(syntax.Token), QuoteFor(syntax.Token));
                return true;

            case IUtf8StringOperation { Value: { } utf8 } when operation.Syntax is LiteralExpressionSyntax utf8Syntax:
                pieces++;
                if (segments is null) builder.Append(utf8);
                else Add(builder, segments, utf8, LiteralMap.ForToken(utf8Syntax.Token, utf8), QuoteFor(utf8Syntax.Token));
                return true;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                var left = Append(binary.LeftOperand, builder, segments, ref complete, ref pieces);
                if (!left) AddHole(builder, ref complete);
                var right = Append(binary.RightOperand, builder, segments, ref complete, ref pieces);
                if (!right) AddHole(builder, ref complete);
                return left || right;

            case IInterpolatedStringOperation interpolated:
                var any = false;
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Syntax: InterpolatedStringTextSyntax text } textPart
                        && textPart.Text.ConstantValue is { HasValue: true, Value: string partValue })
                    {
                        pieces++;
                        if (segments is null) builder.Append(partValue);
                        else Add(builder, segments, partValue, LiteralMap.ForToken(text.TextToken, partValue), QuoteFor(interpolated.Syntax));
                        any = true;
                    }
                    else if (part is IInterpolationOperation hole && hole.Alignment is null && hole.FormatString is null
                        && hole.Expression.ConstantValue is { HasValue: true, Value: string constant })
                    {
                        pieces++;
                        if (segments is null) builder.Append(constant);
                        else Add(builder, segments, constant, LiteralMap.Opaque(constant, hole.Syntax.Span), null);
                        any = true;
                    }
                    else
                    {
                        AddHole(builder, ref complete);
                    }
                }
                return any;

            default:
                // "text" + null: the compiler's constant treats null as empty text, and so does the map.
                if (operation.ConstantValue is { HasValue: true, Value: null }) return true;
                if (operation.ConstantValue is { HasValue: true, Value: string value })
                {
                    // A const field or local, nameof(...): known, but its characters are elsewhere.
                    pieces++;
                    if (segments is null) builder.Append(value);
                    else Add(builder, segments, value, LiteralMap.Opaque(value, operation.Syntax.Span), null);
                    return true;
                }
                return false;
        }
    }

    private static void Add(StringBuilder builder, List<Segment> segments, string value, LiteralMap map, string? quote)
    {
        segments.Add(new Segment(builder.Length, map, quote));
        builder.Append(value);
    }

    private static void AddHole(StringBuilder builder, ref bool complete)
    {
        builder.Append(Hole);
        complete = false;
    }

    private static string? QuoteFor(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken => token.Text.StartsWith("@", System.StringComparison.Ordinal) ? "\"\"" : "\\\"",
        SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken => "\"",
        _ => null,
    };

    private static string? QuoteFor(SyntaxNode interpolated) =>
        interpolated is InterpolatedStringExpressionSyntax expression
            ? expression.StringStartToken.Text.Contains("\"\"\"") ? "\"" : expression.StringStartToken.Text.Contains("@") ? "\"\"" : "\\\""
            : null;
}
