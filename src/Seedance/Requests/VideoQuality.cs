using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Seedance;

/// <summary>
/// An output quality such as <c>720p</c>. An extensible enum: the well-known values are static members,
/// any other string converts implicitly (a custom model matrix may add qualities), equality is by value,
/// and JSON carries it as a plain string.
/// </summary>
[JsonConverter(typeof(VideoQualityJsonConverter))]
public readonly struct VideoQuality : IEquatable<VideoQuality>
{
    /// <summary>Creates a quality from its wire value.</summary>
    public VideoQuality(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    private readonly string? _value;

    /// <summary>480p.</summary>
    public static VideoQuality P480 { get; } = new("480p");

    /// <summary>720p (the default).</summary>
    public static VideoQuality P720 { get; } = new("720p");

    /// <summary>The wire value, such as <c>720p</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value such as <c>"720p"</c>.</summary>
    public static implicit operator VideoQuality(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VideoQuality other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VideoQuality other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Value equality.</summary>
    public static bool operator ==(VideoQuality left, VideoQuality right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(VideoQuality left, VideoQuality right) => !left.Equals(right);
}

/// <summary>Writes and reads <see cref="VideoQuality"/> as a JSON string.</summary>
public sealed class VideoQualityJsonConverter : JsonConverter<VideoQuality>
{
    /// <inheritdoc />
    public override VideoQuality Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new VideoQuality(reader.GetString()!) : throw new JsonException("A quality must be a JSON string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, VideoQuality value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
