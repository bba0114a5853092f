using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Seedance;

/// <summary>
/// An aspect ratio such as <c>16:9</c>. An extensible enum: the well-known values are static members,
/// any other string converts implicitly (a custom model matrix may add ratios), equality is by value,
/// and JSON carries it as a plain string.
/// </summary>
[JsonConverter(typeof(AspectRatioJsonConverter))]
public readonly struct AspectRatio : IEquatable<AspectRatio>
{
    /// <summary>Creates a quality from its wire value.</summary>
    public AspectRatio(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    private readonly string? _value;

    /// <summary>16:9, landscape (the default).</summary>
    public static AspectRatio Landscape16x9 { get; } = new("16:9");

    /// <summary>9:16, portrait.</summary>
    public static AspectRatio Portrait9x16 { get; } = new("9:16");

    /// <summary>1:1, square.</summary>
    public static AspectRatio Square1x1 { get; } = new("1:1");

    /// <summary>4:3.</summary>
    public static AspectRatio Standard4x3 { get; } = new("4:3");

    /// <summary>3:4.</summary>
    public static AspectRatio Portrait3x4 { get; } = new("3:4");

    /// <summary>21:9, ultrawide.</summary>
    public static AspectRatio Ultrawide21x9 { get; } = new("21:9");

    /// <summary>Chosen by the model from the inputs.</summary>
    public static AspectRatio Adaptive { get; } = new("adaptive");

    /// <summary>The wire value, such as <c>16:9</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value such as <c>"16:9"</c>.</summary>
    public static implicit operator AspectRatio(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AspectRatio other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AspectRatio other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Value equality.</summary>
    public static bool operator ==(AspectRatio left, AspectRatio right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(AspectRatio left, AspectRatio right) => !left.Equals(right);
}

/// <summary>Writes and reads <see cref="AspectRatio"/> as a JSON string.</summary>
public sealed class AspectRatioJsonConverter : JsonConverter<AspectRatio>
{
    /// <inheritdoc />
    public override AspectRatio Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new AspectRatio(reader.GetString()!) : throw new JsonException("An aspect ratio must be a JSON string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AspectRatio value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
