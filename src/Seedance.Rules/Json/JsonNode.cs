using System;
using System.Collections.Generic;

namespace Seedance.Rules.Json;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value with its source span. The rule engine needs positions (SEED0015 at line and column,
/// prompt squiggles inside <c>*.seedance.json</c> files), which is why it reads JSON itself instead
/// of taking a dependency into the compiler process.
/// </summary>
internal sealed class JsonNode
{
    private JsonNode(JsonKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public JsonKind Kind { get; }

    /// <summary>Offset of the value's first character (the opening quote for strings).</summary>
    public int Start { get; }

    /// <summary>Offset just past the value's last character.</summary>
    public int End { get; internal set; }

    public string? StringValue { get; private set; }

    public double NumberValue { get; private set; }

    /// <summary>True for a number written without fraction or exponent that fits in an <see cref="int"/>.</summary>
    public bool IsInt32 { get; private set; }

    public List<JsonProperty>? Properties { get; private set; }

    public List<JsonNode>? Items { get; private set; }

    public static JsonNode NewObject(int start) => new(JsonKind.Object, start, start) { Properties = new List<JsonProperty>() };

    public static JsonNode NewArray(int start) => new(JsonKind.Array, start, start) { Items = new List<JsonNode>() };

    public static JsonNode NewString(int start, int end, string value) => new(JsonKind.String, start, end) { StringValue = value };

    public static JsonNode NewNumber(int start, int end, double value, bool isInt32) => new(JsonKind.Number, start, end) { NumberValue = value, IsInt32 = isInt32 };

    public static JsonNode NewLiteral(JsonKind kind, int start, int end) => new(kind, start, end);

    /// <summary>The first property called <paramref name="name"/> (ordinal), or null.</summary>
    public JsonProperty? GetProperty(string name)
    {
        if (Properties is null) return null;
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal)) return property;
        }
        return null;
    }

    public JsonNode? this[string name] => GetProperty(name)?.Value;

    public string KindName => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };

    /// <summary>
    /// Maps an offset inside the decoded string value to the offset in <paramref name="source"/> of the
    /// escape or character that produced it, so that a squiggle lands on what the user typed.
    /// </summary>
    public int MapStringOffset(string source, int valueOffset)
    {
        var raw = Start + 1;
        var decoded = 0;
        while (decoded < valueOffset && raw < End - 1)
        {
            if (source[raw] == '\\' && raw + 1 < source.Length)
            {
                raw += source[raw + 1] == 'u' ? 6 : 2;
            }
            else
            {
                raw++;
            }
            decoded++;
        }
        return Math.Min(raw, Math.Max(Start, End - 1));
    }
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}

/// <summary>A syntax error at a character offset.</summary>
internal readonly record struct JsonError(string Message, int Offset);
