using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>
/// The text of a prompt as far as the compiler can see it: literals of every kind, constants and their
/// concatenation, the text parts of interpolated strings, <c>string.Concat</c>, <c>Join</c> and
/// <c>Format</c>, and variables the <see cref="ValueResolver"/> can prove (a piece that is not known
/// becomes U+FFFC and makes the text incomplete). Each piece remembers where it came from, so that a span
/// of the value maps back to the characters in the source; a variable's text maps to the variable's
/// name where the request uses it, and remembers its declaration's literal for fixes made there.
/// </summary>
internal sealed class PromptText
{
    public const char Hole = '\uFFFC';

    // One builder per thread for the values of non-constant prompts, which every analysis reads.
    [System.ThreadStatic]
    private static StringBuilder? t_builder;

    private const int MaxDepth = 8;

    /// <summary><c>ArgumentKind.ParamCollection</c> (Roslyn 4.11+).</summary>
    private const int ParamCollectionKind = 4;

    private readonly IOperation _operation;
    private readonly ValueResolver? _values;
    private List<Segment>? _segments;

    private PromptText(string value, bool isComplete, List<Segment>? segments, IOperation operation, ValueResolver? values)
    {
        Value = value;
        IsComplete = isComplete;
        _segments = segments;
        _operation = operation;
        _values = values;
    }

    public string Value { get; }

    /// <summary>False when part of the text is only known at run time.</summary>
    public bool IsComplete { get; }

    public SyntaxTree Tree => _operation.Syntax.SyntaxTree;

    /// <param name="MapOffset">Where the piece starts in the map's value (a format string's text between placeholders).</param>
    /// <param name="Variable">For a variable's text: the reference to it, whose declaration a fix may edit.</param>
    private readonly record struct Segment(int ValueStart, LiteralMap Map, string? Quote, int MapOffset = 0, IOperation? Variable = null);

    /// <summary>The source location of value characters [start, start + length).</summary>
    public Location Locate(int start, int length)
    {
        var first = Find(start);
        var last = Find(start + System.Math.Max(length, 1) - 1);
        var from = first.Map.Map(start - first.ValueStart + first.MapOffset, 1);
        var to = last.Map.Map(start + System.Math.Max(length, 1) - 1 - last.ValueStart + last.MapOffset, 1);
        return Location.Create(Tree, TextSpan.FromBounds(from.Start, System.Math.Max(from.End, to.End)));
    }

    /// <summary>
    /// When the span lies in the text of one const or readonly variable declared with a single literal:
    /// that literal's characters for the span, where a fix may edit; the variable and its use come along.
    /// </summary>
    public Location? LocateInDeclaration(int start, int length, out ISymbol? variable, out SyntaxNode? use)
    {
        variable = null;
        use = null;
        var first = Find(start);
        var last = Find(start + System.Math.Max(length, 1) - 1);
        if (!first.Equals(last) || first.Variable is not { } reference || Declarations.VariableOf(reference) is not { } symbol) return null;
        if (Declarations.Literal(symbol) is not { Token.Value: string value } literal) return null;
        var map = LiteralMap.ForToken(literal.Token, value);
        if (!map.IsExact || first.Map.Value != value) return null;
        variable = symbol;
        use = reference.Syntax;
        return Location.Create(literal.SyntaxTree, map.Map(start - first.ValueStart, length));
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
                Append(_operation, builder, segments, _values, 0, ref complete, ref pieces);
                // A form the walk reads differently from the compiler: point at the whole expression instead.
                if (segments.Count == 0 || builder.ToString() != Value) segments = [new Segment(0, LiteralMap.Opaque(Value, _operation.Syntax.Span), null)];
                _segments = segments;
            }
            return _segments;
        }
    }

    /// <summary>Reads the prompt from <paramref name="operation"/>, or null when nothing of it is known.</summary>
    public static PromptText? From(IOperation? operation, ValueResolver? values = null)
    {
        if (operation is null) return null;
        // A constant (a literal, a const, constant concatenation): the compiler has the value already.
        if (operation.ConstantValue is { HasValue: true, Value: string constant }) return new PromptText(constant, true, null, operation, values);
        // Only the value now; where each piece came from is worked out if a violation needs a position.
        var builder = t_builder ??= new StringBuilder(256);
        builder.Clear();
        var complete = true;
        var pieces = 0;
        var found = Append(operation, builder, null, values, 0, ref complete, ref pieces) && pieces > 0;
        var value = found ? builder.ToString() : null;
        // A rare very long prompt should not keep its buffer alive for the thread's lifetime.
        if (builder.Capacity > 4096) t_builder = null;
        return value is null ? null : new PromptText(value, complete, null, operation, values);
    }

    /// <summary>
    /// Appends the text of <paramref name="operation"/>; with <paramref name="segments"/>, also where each
    /// piece came from (the maps are made only then). <paramref name="pieces"/> counts the known pieces.
    /// </summary>
    private static bool Append(IOperation operation, StringBuilder builder, List<Segment>? segments, ValueResolver? values, int depth, ref bool complete, ref int pieces)
    {
        if (depth > MaxDepth) return false;
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
                var left = Append(binary.LeftOperand, builder, segments, values, depth, ref complete, ref pieces);
                if (!left) AddHole(builder, ref complete);
                var right = Append(binary.RightOperand, builder, segments, values, depth, ref complete, ref pieces);
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
                    else if (part is IInterpolationOperation variableHole && variableHole.Alignment is null && variableHole.FormatString is null
                        && values is not null && ValueResolver.IsVariable(variableHole.Expression)
                        && AppendVariable(variableHole.Expression, builder, segments, values, depth, ref complete, ref pieces))
                    {
                        any = true;
                    }
                    else
                    {
                        AddHole(builder, ref complete);
                    }
                }
                return any;

            case IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String, Name: "Concat" or "Join" or "Format" } } call
                when operation.ConstantValue is not { HasValue: true }:
                return AppendCall(call, builder, segments, values, depth, ref complete, ref pieces);

            default:
                // "text" + null: the compiler's constant treats null as empty text, and so does the map.
                if (operation.ConstantValue is { HasValue: true, Value: null }) return true;
                if (operation.ConstantValue is { HasValue: true, Value: string value })
                {
                    // A const field or local, nameof(...): known, but its characters are elsewhere.
                    pieces++;
                    segments?.Add(new Segment(builder.Length, LiteralMap.Opaque(value, operation.Syntax.Span), null, 0, operation));
                    builder.Append(value);
                    return true;
                }
                if (values is not null && ValueResolver.IsVariable(operation)) return AppendVariable(operation, builder, segments, values, depth, ref complete, ref pieces);
                return false;
        }
    }

    /// <summary>A readonly field or single-assignment local: its proven value, mapped to its name where it is used.</summary>
    private static bool AppendVariable(IOperation reference, StringBuilder builder, List<Segment>? segments, ValueResolver values, int depth, ref bool complete, ref int pieces)
    {
        var resolved = values.Resolve(reference, out var added);
        if (resolved is null || added is not null) return false;
        var start = builder.Length;
        var innerComplete = true;
        var innerPieces = 0;
        if (!Append(resolved, builder, null, values, depth + 1, ref innerComplete, ref innerPieces) || innerPieces == 0)
        {
            builder.Length = start;
            return false;
        }
        complete &= innerComplete;
        pieces += innerPieces;
        if (segments is not null)
        {
            var text = builder.ToString(start, builder.Length - start);
            segments.Add(new Segment(start, LiteralMap.Opaque(text, reference.Syntax.Span), null, 0, reference));
        }
        return true;
    }

    /// <summary>
    /// <c>string.Concat(a, b, …)</c>, <c>string.Join(sep, a, b, …)</c> and <c>string.Format("… {0} …", a, …)</c>
    /// over pieces that are known; an unknown piece is a hole.
    /// </summary>
    private static bool AppendCall(IInvocationOperation call, StringBuilder builder, List<Segment>? segments, ValueResolver? values, int depth, ref bool complete, ref int pieces)
    {
        var method = call.TargetMethod;
        var arguments = call.Arguments;
        switch (method.Name)
        {
            case "Concat":
            {
                var any = false;
                foreach (var argument in arguments)
                {
                    if (Elements(argument) is not { } items) return false;
                    foreach (var item in items)
                    {
                        if (Append(item, builder, segments, values, depth, ref complete, ref pieces)) any = true;
                        else AddHole(builder, ref complete);
                    }
                }
                return any;
            }
            case "Join" when arguments.Length == 2 && arguments[0].Value.ConstantValue is { HasValue: true } separatorValue:
            {
                var separator = separatorValue.Value is char c ? c.ToString() : separatorValue.Value as string ?? string.Empty;
                if (Elements(arguments[1]) is not { } items) return false;
                var any = false;
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0 && separator.Length > 0)
                    {
                        if (segments is not null) segments.Add(new Segment(builder.Length, LiteralMap.Opaque(separator, arguments[0].Value.Syntax.Span), null));
                        builder.Append(separator);
                    }
                    if (Append(items[i], builder, segments, values, depth, ref complete, ref pieces)) any = true;
                    else AddHole(builder, ref complete);
                }
                return any;
            }
            case "Format" when arguments.Length >= 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && RequestSite.Unwrap(arguments[0].Value) is { ConstantValue: { HasValue: true, Value: string format } } formatOperation:
            {
                var items = new List<IOperation>();
                for (var i = 1; i < arguments.Length; i++)
                {
                    if (Elements(arguments[i]) is not { } more) return false;
                    items.AddRange(more);
                }
                var map = formatOperation.Syntax is LiteralExpressionSyntax literal ? LiteralMap.ForToken(literal.Token) : LiteralMap.Opaque(format, formatOperation.Syntax.Span);
                var quote = formatOperation.Syntax is LiteralExpressionSyntax quoted ? QuoteFor(quoted.Token) : null;
                var run = 0;
                var i2 = 0;
                while (i2 < format.Length)
                {
                    var ch = format[i2];
                    if ((ch == '{' || ch == '}') && i2 + 1 < format.Length && format[i2 + 1] == ch)
                    {
                        // {{ and }}: the text up to and including one brace, then skip the other.
                        AddRun(builder, segments, format, run, i2 + 1, map, quote, ref pieces);
                        i2 += 2;
                        run = i2;
                        continue;
                    }
                    if (ch == '}') return false;
                    if (ch != '{') { i2++; continue; }
                    var close = format.IndexOf('}', i2);
                    if (close < 0 || !int.TryParse(format.Substring(i2 + 1, close - i2 - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= items.Count) return false;
                    AddRun(builder, segments, format, run, i2, map, quote, ref pieces);
                    if (!Append(items[index], builder, segments, values, depth, ref complete, ref pieces)) AddHole(builder, ref complete);
                    i2 = close + 1;
                    run = i2;
                }
                AddRun(builder, segments, format, run, format.Length, map, quote, ref pieces);
                return true;
            }
            default:
                return false;
        }
    }

    private static void AddRun(StringBuilder builder, List<Segment>? segments, string format, int from, int to, LiteralMap map, string? quote, ref int pieces)
    {
        if (to <= from) return;
        pieces++;
        segments?.Add(new Segment(builder.Length, map, quote, from));
        builder.Append(format, from, to - from);
    }

    /// <summary>The values an argument passes: itself, or the items of a params array, array creation or collection expression.</summary>
    private static IReadOnlyList<IOperation>? Elements(IArgumentOperation argument)
    {
        var value = RequestSite.Unwrap(argument.Value);
        // params ReadOnlySpan<string> (string.Join and Concat since .NET 9): a collection expression the
        // Roslyn 4.8 baseline cannot name, whose child operations are its items.
        if ((int)argument.ArgumentKind == ParamCollectionKind) return value.ChildOperations.ToList();
        if (argument.ArgumentKind == ArgumentKind.ParamArray || (argument.Parameter?.Type is IArrayTypeSymbol && value is IArrayCreationOperation))
        {
            return value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : null;
        }
        if (argument.Parameter?.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object) return [argument.Value];
        if (value.Syntax is CollectionExpressionSyntax collection)
        {
            var children = new List<IOperation>();
            foreach (var child in value.ChildOperations) children.Add(child);
            return children.Count == collection.Elements.Count && collection.Elements.All(e => e is ExpressionElementSyntax) ? children : null;
        }
        return null;
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
