using System.Text.Json.Serialization;
using Classroom.Contracts.Media;

namespace Classroom.Contracts.Events;

// The teacher's voice and picture (see docs/media.md). Segments themselves are blobs served over HTTP; the log holds
// what viewers need to find and place them.

/// <summary>Staff went live with the microphone and the camera or a shared screen.</summary>
[GenerateSerializer, Immutable, Alias("MediaBroadcastStarted")]
public sealed record MediaBroadcastStarted(
    [Id(0)] [property: JsonPropertyName("streamId")] string StreamId,
    [Id(1)] [property: JsonPropertyName("broadcast")] int Broadcast,
    [Id(2)] [property: JsonPropertyName("source")] MediaSource Source,
    [Id(3)] [property: JsonPropertyName("microphone")] bool Microphone,
    [Id(4)] [property: JsonPropertyName("camera")] bool Camera,
    [Id(5)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>The sender turned the microphone or the camera off or on (segments go on: silence, or a still picture).</summary>
[GenerateSerializer, Immutable, Alias("MediaTracksChanged")]
public sealed record MediaTracksChanged(
    [Id(0)] [property: JsonPropertyName("microphone")] bool Microphone,
    [Id(1)] [property: JsonPropertyName("camera")] bool Camera,
    [Id(2)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>
/// A segment was stored: a complete WebM starting on a keyframe, served at
/// <c>/api/media/{streamId}/{rendition}/{number}.webm</c>, playing from <see cref="StartMillis"/> on the replay timeline.
/// </summary>
[GenerateSerializer, Immutable, Alias("MediaSegmentAdded")]
public sealed record MediaSegmentAdded(
    [Id(0)] [property: JsonPropertyName("number")] long Number,
    [Id(1)] [property: JsonPropertyName("startMillis")] long StartMillis,
    [Id(2)] [property: JsonPropertyName("durationMillis")] int DurationMillis,
    [Id(3)] [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [Id(4)] [property: JsonPropertyName("bytes")] int Bytes,
    [Id(5)] [property: JsonPropertyName("audioBytes")] int AudioBytes,
    [Id(6)] [property: JsonPropertyName("width")] int Width,
    [Id(7)] [property: JsonPropertyName("height")] int Height,
    [Id(8)] [property: JsonPropertyName("sha256")] string Sha256,
    [Id(9)] [property: JsonPropertyName("codecs")] string Codecs) : ClassroomEventData;

/// <summary>The broadcast ended: staff stopped it (the lesson's end stops it without an event of its own).</summary>
[GenerateSerializer, Immutable, Alias("MediaBroadcastEnded")]
public sealed record MediaBroadcastEnded([Id(0)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;
