using System.Text.Json.Serialization;

namespace Seedance.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for every type the client sends or reads, so no reflection-based
/// serialization runs (trimming and Native AOT safe). Writes omit null fields; field names are the API's own
/// (from <see cref="JsonPropertyNameAttribute"/>, and <see cref="SeedanceRequestJsonConverter"/> for the request body);
/// numbers written as strings are tolerated on read.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(SeedanceRequestJsonConverter)])]
[JsonSerializable(typeof(SeedanceRequest))]
[JsonSerializable(typeof(TaskWire))]
[JsonSerializable(typeof(ErrorEnvelopeWire))]
internal sealed partial class SeedanceJsonContext : JsonSerializerContext
{
}
