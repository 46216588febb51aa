using System.Text.Json.Serialization;

namespace Classroom.Grains.Replays;

/// <summary>
/// Where a replay's checkpoints are: entry k of the replay's checkpoint log is <see cref="Checkpoints"/>[k - 1], so a
/// seek finds the nearest checkpoint before a moment without reading any. A cache of the checkpoint log: when an index
/// write is lost, the next catch-up finds the entries it missed already in the log and adopts them.
/// </summary>
public sealed class ReplayIndexState
{
    [JsonPropertyName("checkpoints")]
    public List<CheckpointRef> Checkpoints { get; set; } = [];
}

/// <summary>A checkpoint's place: the last event folded into it and that event's time.</summary>
public sealed record CheckpointRef(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("at")] DateTimeOffset At);
