using System.ComponentModel;
using System.IO;
using System.Text.Json;

namespace Seedance;

/// <summary>
/// Turns the values of extra matrix fields (<c>model_params.web_search</c>, fields of a custom matrix) into
/// <see cref="JsonElement"/>s for <see cref="SeedanceRequest.ModelParams"/>. Writes with
/// <see cref="Utf8JsonWriter"/>, so it needs no reflection and is safe for trimming and Native AOT.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeedanceJsonValues
{
    private static readonly JsonElement s_true = Parse("true");
    private static readonly JsonElement s_false = Parse("false");

    /// <summary>A JSON boolean.</summary>
    public static JsonElement From(bool value) => value ? s_true : s_false;

    /// <summary>A JSON number.</summary>
    public static JsonElement From(int value) => Write(w => w.WriteNumberValue(value));

    /// <summary>A JSON number.</summary>
    public static JsonElement From(double value) => Write(w => w.WriteNumberValue(value));

    /// <summary>A JSON string.</summary>
    public static JsonElement From(string value) => Write(w => w.WriteStringValue(value));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static JsonElement Write(System.Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        buffer.Position = 0;
        using var document = JsonDocument.Parse(buffer);
        return document.RootElement.Clone();
    }
}
