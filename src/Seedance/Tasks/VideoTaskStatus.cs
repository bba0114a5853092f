using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Seedance;

/// <summary>
/// Where a video task stands. JSON carries it as the API's lowercase string (<c>pending</c>, <c>processing</c>,
/// <c>completed</c>, <c>failed</c>).
/// </summary>
/// <remarks>
/// A status string this version does not know (a newer API may add one) reads as <see cref="Unknown"/>, with the
/// original text kept in <see cref="VideoTask.RawStatus"/>; it never fails parsing. Waiting treats an unknown status
/// as not finished yet and keeps polling until the task completes, fails or the wait times out.
/// </remarks>
[JsonConverter(typeof(VideoTaskStatusJsonConverter))]
public enum VideoTaskStatus
{
    /// <summary>A status this version of the client does not know; see <see cref="VideoTask.RawStatus"/>.</summary>
    Unknown = 0,

    /// <summary>Accepted and queued (<c>pending</c>).</summary>
    Pending = 1,

    /// <summary>Being generated (<c>processing</c>); <see cref="VideoTask.Progress"/> moves towards 100.</summary>
    Processing = 2,

    /// <summary>Finished (<c>completed</c>); <see cref="VideoTask.Results"/> holds the video URLs.</summary>
    Completed = 3,

    /// <summary>Ended without a video (<c>failed</c>); <see cref="VideoTask.Error"/> says why.</summary>
    Failed = 4,

    /// <summary>Stopped before it finished (<c>cancelled</c>); ends a wait like <see cref="Failed"/>, with code <c>cancelled</c>.</summary>
    Cancelled = 5,
}

/// <summary>Reads and writes <see cref="VideoTaskStatus"/> as the API's lowercase strings; unknown strings read as <see cref="VideoTaskStatus.Unknown"/>.</summary>
public sealed class VideoTaskStatusJsonConverter : JsonConverter<VideoTaskStatus>
{
    /// <inheritdoc />
    public override VideoTaskStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? VideoTaskStatusNames.Parse(reader.GetString())
            : throw new JsonException("A task status must be a JSON string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, VideoTaskStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(VideoTaskStatusNames.ToWire(value));
}

/// <summary>The wire names of <see cref="VideoTaskStatus"/>.</summary>
internal static class VideoTaskStatusNames
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static VideoTaskStatus Parse(string? value) => value switch
    {
        Pending => VideoTaskStatus.Pending,
        Processing => VideoTaskStatus.Processing,
        Completed => VideoTaskStatus.Completed,
        Failed => VideoTaskStatus.Failed,
        Cancelled => VideoTaskStatus.Cancelled,
        // The API documents lowercase; accept other casings rather than calling a known status unknown.
        _ when string.Equals(value, Pending, StringComparison.OrdinalIgnoreCase) => VideoTaskStatus.Pending,
        _ when string.Equals(value, Processing, StringComparison.OrdinalIgnoreCase) => VideoTaskStatus.Processing,
        _ when string.Equals(value, Completed, StringComparison.OrdinalIgnoreCase) => VideoTaskStatus.Completed,
        _ when string.Equals(value, Failed, StringComparison.OrdinalIgnoreCase) => VideoTaskStatus.Failed,
        _ when string.Equals(value, Cancelled, StringComparison.OrdinalIgnoreCase) || string.Equals(value, "canceled", StringComparison.OrdinalIgnoreCase) => VideoTaskStatus.Cancelled,
        _ => VideoTaskStatus.Unknown,
    };

    public static string ToWire(VideoTaskStatus status) => status switch
    {
        VideoTaskStatus.Pending => Pending,
        VideoTaskStatus.Processing => Processing,
        VideoTaskStatus.Completed => Completed,
        VideoTaskStatus.Failed => Failed,
        VideoTaskStatus.Cancelled => Cancelled,
        _ => "unknown",
    };
}
