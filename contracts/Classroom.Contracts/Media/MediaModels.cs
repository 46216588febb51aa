using System.Text.Json.Serialization;

namespace Classroom.Contracts.Media;

/// <summary>What the teacher's picture comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MediaSource>))]
public enum MediaSource
{
    /// <summary>The camera, with the microphone.</summary>
    [JsonStringEnumMemberName("camera")] Camera,

    /// <summary>A shared screen or window, with the microphone.</summary>
    [JsonStringEnumMemberName("screen")] Screen,
}

/// <summary>
/// The renditions a segment is served in: the teacher's upload as it came (<see cref="AudioVideo"/>) and its sound
/// alone, cut from it by the gateway (<see cref="Audio"/>), for viewers on slow networks.
/// </summary>
public static class MediaRenditions
{
    public const string AudioVideo = "av";
    public const string Audio = "audio";

    public static bool IsKnown(string? rendition) => rendition is AudioVideo or Audio;
}

/// <summary>A broadcast just begun: where its segments are kept and the number its first segment must have at least.</summary>
/// <param name="StreamId">The lesson's stream: 128 random bits, base64url; segment URLs are <c>/api/media/{streamId}/…</c>.</param>
/// <param name="NextNumber">One more than the last segment announced: numbers only grow, over all of a lesson's broadcasts.</param>
[GenerateSerializer, Immutable, Alias("MediaBroadcastTicket")]
public sealed record MediaBroadcastTicket(
    [Id(0)] [property: JsonPropertyName("streamId")] string StreamId,
    [Id(1)] [property: JsonPropertyName("broadcast")] int Broadcast,
    [Id(2)] [property: JsonPropertyName("nextNumber")] long NextNumber);

/// <summary>
/// A segment the gateway has checked and stored, to announce. <see cref="OffsetMillis"/> is when the sender began
/// recording it, since its broadcast began, by the sender's clock: the grain places it on the lesson's timeline.
/// </summary>
[GenerateSerializer, Immutable, Alias("MediaSegmentDraft")]
public sealed record MediaSegmentDraft(
    [Id(0)] [property: JsonPropertyName("number")] long Number,
    [Id(1)] [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [Id(2)] [property: JsonPropertyName("durationMillis")] int DurationMillis,
    [Id(3)] [property: JsonPropertyName("bytes")] int Bytes,
    [Id(4)] [property: JsonPropertyName("audioBytes")] int AudioBytes,
    [Id(5)] [property: JsonPropertyName("width")] int Width,
    [Id(6)] [property: JsonPropertyName("height")] int Height,
    [Id(7)] [property: JsonPropertyName("sha256")] string Sha256,
    [Id(8)] [property: JsonPropertyName("codecs")] string Codecs);

/// <summary>
/// One segment as viewers know it: a complete WebM that starts on a keyframe, <see cref="DurationMillis"/> long,
/// playing from <see cref="StartMillis"/> after the lesson started. <see cref="Width"/> and <see cref="Height"/> are
/// the picture's (0 without video); <see cref="AudioBytes"/> is the size of its audio-only rendition (0 without sound);
/// <see cref="Codecs"/> is what an MSE source buffer is opened with (<c>video/webm; codecs="vp8,opus"</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("MediaSegmentView")]
public sealed record MediaSegmentView(
    [Id(0)] [property: JsonPropertyName("number")] long Number,
    [Id(1)] [property: JsonPropertyName("startMillis")] long StartMillis,
    [Id(2)] [property: JsonPropertyName("durationMillis")] int DurationMillis,
    [Id(3)] [property: JsonPropertyName("bytes")] int Bytes,
    [Id(4)] [property: JsonPropertyName("audioBytes")] int AudioBytes,
    [Id(5)] [property: JsonPropertyName("width")] int Width,
    [Id(6)] [property: JsonPropertyName("height")] int Height,
    [Id(7)] [property: JsonPropertyName("codecs")] string Codecs);

/// <summary>
/// The teacher's voice and picture as a late joiner needs them: whether a broadcast is on, what it shows, and the
/// latest segments (newest last; start playing at the last). <see cref="StreamId"/> is null until the first broadcast.
/// </summary>
[GenerateSerializer, Immutable, Alias("MediaView")]
public sealed record MediaView(
    [Id(0)] [property: JsonPropertyName("streamId")] string? StreamId,
    [Id(1)] [property: JsonPropertyName("live")] bool Live,
    [Id(2)] [property: JsonPropertyName("source")] MediaSource Source,
    [Id(3)] [property: JsonPropertyName("microphone")] bool Microphone,
    [Id(4)] [property: JsonPropertyName("camera")] bool Camera,
    [Id(5)] [property: JsonPropertyName("segments")] IReadOnlyList<MediaSegmentView> Segments)
{
    /// <summary>No broadcast yet.</summary>
    public static readonly MediaView None = new(null, false, MediaSource.Camera, false, false, []);
}

/// <summary>A page of a replay's segments, in number order, from some moment on.</summary>
[GenerateSerializer, Immutable, Alias("MediaSegmentPage")]
public sealed record MediaSegmentPage(
    [Id(0)] [property: JsonPropertyName("streamId")] string? StreamId,
    [Id(1)] [property: JsonPropertyName("segments")] IReadOnlyList<MediaSegmentView> Segments,
    [Id(2)] [property: JsonPropertyName("hasMore")] bool HasMore);

/// <summary>The limits of lesson media, the same for every lesson.</summary>
public static class MediaLimits
{
    /// <summary>The shortest and longest segment a sender may announce, in milliseconds.</summary>
    public const int MinDurationMillis = 100, MaxDurationMillis = 10_000;

    /// <summary>The most segments a snapshot carries: enough for a joiner to start at the newest and have one behind.</summary>
    public const int LatestSegments = 5;

    /// <summary>How far a segment number may jump past the last (a sender that dropped segments to stay live).</summary>
    public const long MaxNumberJump = 1_000;

    /// <summary>The most segments one replay page carries.</summary>
    public const int MaxPage = 500;

    /// <summary>The codec lists a segment may have: VP8 or VP9 video, Opus sound, or either alone.</summary>
    public static readonly IReadOnlySet<string> Codecs = new HashSet<string>(StringComparer.Ordinal) { "vp8,opus", "vp9,opus", "vp8", "vp9", "opus" };

    /// <summary>The smallest and largest picture side, in pixels.</summary>
    public const int MinSide = 16, MaxSide = 4_096;
}
