using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Seedance;

/// <summary>The journal's one JSON column (result URLs), serialized without reflection.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class JournalJsonContext : JsonSerializerContext
{
}
