using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Seedance.Rules;

namespace Seedance.Serialization;

/// <summary>
/// Writes and reads <see cref="SeedanceRequest"/> as the create-call body, field by field with
/// <see cref="Utf8JsonWriter"/>: nulls omitted, the API's names, <see cref="SeedanceRequest.ModelParams"/> as the
/// <c>model_params</c> object and <see cref="SeedanceRequest.AdditionalFields"/> as further top-level fields.
/// </summary>
/// <remarks>
/// The one place that names the request's wire fields (the record itself carries no JSON attributes).
/// Written by hand because the init-only extension-data property cannot be combined with the record's
/// constructor in generated metadata, and so that a typed field wins over an extension field of the same
/// name: the body never carries a key twice. SerializationTests fails when the record gains a property
/// this converter does not know.
/// </remarks>
internal sealed class SeedanceRequestJsonConverter : JsonConverter<SeedanceRequest>
{

    private static readonly HashSet<string> s_knownFields = new(StringComparer.Ordinal)
    {
        WireNames.Model, WireNames.Prompt, WireNames.ImageUrls, WireNames.VideoUrls, WireNames.AudioUrls, WireNames.Duration, WireNames.Quality, WireNames.AspectRatio, WireNames.GenerateAudio, WireNames.CallbackUrl, WireNames.ModelParams,
    };

    public override void Write(Utf8JsonWriter writer, SeedanceRequest value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(WireNames.Model, value.Model);
        writer.WriteString(WireNames.Prompt, value.Prompt);
        WriteUrls(writer, WireNames.ImageUrls, value.ImageUrls);
        WriteUrls(writer, WireNames.VideoUrls, value.VideoUrls);
        WriteUrls(writer, WireNames.AudioUrls, value.AudioUrls);
        if (value.Duration is { } duration) writer.WriteNumber(WireNames.Duration, duration);
        if (value.Quality is { } quality) writer.WriteString(WireNames.Quality, quality.Value);
        if (value.AspectRatio is { } ratio) writer.WriteString(WireNames.AspectRatio, ratio.Value);
        if (value.GenerateAudio is { } audio) writer.WriteBoolean(WireNames.GenerateAudio, audio);
        if (value.CallbackUrl is { } callback) writer.WriteString(WireNames.CallbackUrl, callback);
        if (value.ModelParams is { } modelParams)
        {
            writer.WriteStartObject(WireNames.ModelParams);
            foreach (var pair in modelParams)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        if (value.AdditionalFields is { } additional)
        {
            foreach (var pair in additional)
            {
                if (s_knownFields.Contains(pair.Key)) continue;
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }

    public override SeedanceRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A request body must be a JSON object.");
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;

        // Missing model or prompt read as empty strings, so the reader (the emulator, a test) can answer naming the field.
        return new SeedanceRequest(OptionalString(root, WireNames.Model) ?? string.Empty, OptionalString(root, WireNames.Prompt) ?? string.Empty)
        {
            ImageUrls = OptionalUrls(root, WireNames.ImageUrls),
            VideoUrls = OptionalUrls(root, WireNames.VideoUrls),
            AudioUrls = OptionalUrls(root, WireNames.AudioUrls),
            Duration = OptionalInt(root, WireNames.Duration),
            Quality = OptionalString(root, WireNames.Quality) is { } quality ? new VideoQuality(quality) : (VideoQuality?)null,
            AspectRatio = OptionalString(root, WireNames.AspectRatio) is { } ratio ? new AspectRatio(ratio) : (AspectRatio?)null,
            GenerateAudio = OptionalBool(root, WireNames.GenerateAudio),
            CallbackUrl = OptionalString(root, WireNames.CallbackUrl),
            ModelParams = OptionalObject(root, WireNames.ModelParams),
            AdditionalFields = Additional(root),
        };
    }

    private static void WriteUrls(Utf8JsonWriter writer, string name, IReadOnlyList<string>? urls)
    {
        if (urls is null) return;
        writer.WriteStartArray(name);
        foreach (var url in urls) writer.WriteStringValue(url);
        writer.WriteEndArray();
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new JsonException($"\"{name}\" must be a string.");
    }

    private static int? OptionalInt(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw new JsonException($"\"{name}\" must be an integer.");
    }

    private static bool? OptionalBool(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new JsonException($"\"{name}\" must be a boolean."),
        };
    }

    private static IReadOnlyList<string>? OptionalUrls(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw new JsonException($"\"{name}\" must be an array of strings.");
        var urls = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            urls.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new JsonException($"\"{name}\" must be an array of strings."));
        }
        return urls;
    }

    private static IReadOnlyDictionary<string, JsonElement>? OptionalObject(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw new JsonException($"\"{name}\" must be an object.");
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject()) result[property.Name] = property.Value.Clone();
        return result;
    }

    private static Dictionary<string, JsonElement>? Additional(JsonElement root)
    {
        Dictionary<string, JsonElement>? result = null;
        foreach (var property in root.EnumerateObject())
        {
            if (s_knownFields.Contains(property.Name)) continue;
            (result ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[property.Name] = property.Value.Clone();
        }
        return result;
    }
}
