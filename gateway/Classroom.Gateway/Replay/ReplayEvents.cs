using System.Text.Json.Serialization;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;

namespace Classroom.Gateway.Replay;

/// <summary>
/// What the hub's <c>replay</c> method carries while a replay plays: the events that fell due, in seq order, and the
/// playhead. <see cref="ThroughSeq"/> counts events the viewer may not see too, so the next batch follows on from it.
/// </summary>
/// <param name="Ended">True once the playhead reached the end of an ended lesson: playback stopped there.</param>
public sealed record ReplayEvents(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("positionMillis")] long PositionMillis,
    [property: JsonPropertyName("throughSeq")] long ThroughSeq,
    [property: JsonPropertyName("events")] IReadOnlyList<ClassroomEvent> Events,
    [property: JsonPropertyName("ended")] bool Ended);

/// <summary>A replay as opened: its timeline, and where the signed-in student left off last time, if anywhere.</summary>
public sealed record ReplayOpened(
    [property: JsonPropertyName("replay")] ReplayInfo Replay,
    [property: JsonPropertyName("resumeMillis")] long? ResumeMillis);

/// <summary>A micro-lesson as opened: what it is, and the replay of the lesson it was cut from.</summary>
public sealed record MicroLessonOpened(
    [property: JsonPropertyName("microLesson")] Contracts.MicroLessons.MicroLessonView MicroLesson,
    [property: JsonPropertyName("replay")] ReplayInfo Replay);

/// <summary>Where the caller is in a lesson's replay.</summary>
public sealed record ReplayPosition([property: JsonPropertyName("positionMillis")] long PositionMillis);
