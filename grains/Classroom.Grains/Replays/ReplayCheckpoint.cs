using System.Text.Json.Serialization;
using Classroom.Grains.Classrooms;

namespace Classroom.Grains.Replays;

/// <summary>One stored checkpoint: the classroom's folded state after event <see cref="CheckpointRef.Seq"/>.</summary>
public sealed record ReplayCheckpoint(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("state")] ClassroomState State);
