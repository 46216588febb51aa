using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Replays;

/// <summary>What a replay viewer needs before seeking: the lesson, its length, its chapters and where its media is.</summary>
/// <param name="DurationMillis">From the start to the end, or to now while the lesson is still live.</param>
/// <param name="LastSeq">The last event the replay has read from the lesson's log.</param>
public sealed record ReplayInfo(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("status")] ClassroomStatus Status,
    [property: JsonPropertyName("preview")] CoursePreview? Preview,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("durationMillis")] long DurationMillis,
    [property: JsonPropertyName("lastSeq")] long LastSeq,
    [property: JsonPropertyName("chapters")] IReadOnlyList<ReplayChapter> Chapters);

/// <summary>A chapter of the timeline: a teacher's marker, or the start, the end, a poll opening or closing.</summary>
public sealed record ReplayChapter(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("kind")] MarkerKind Kind,
    [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [property: JsonPropertyName("seq")] long Seq);

/// <summary>The classroom at one moment of the replay: a client applies the events after <see cref="ClassroomSnapshot.Seq"/> from here.</summary>
/// <param name="OffsetMillis">The moment shown: the one asked for, or the end when that was beyond it.</param>
/// <param name="AtEnd">True at the end of an ended lesson, or at the live edge of a lesson still going on.</param>
public sealed record ReplayFrame(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [property: JsonPropertyName("atEnd")] bool AtEnd,
    [property: JsonPropertyName("snapshot")] ClassroomSnapshot Snapshot);

/// <summary>The chat messages that matched a search.</summary>
/// <param name="HasMore">True when more messages matched than were returned.</param>
public sealed record ChatSearchResult(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("hits")] IReadOnlyList<ChatSearchHit> Hits,
    [property: JsonPropertyName("hasMore")] bool HasMore);

/// <summary>One matching message and the moment to jump to.</summary>
public sealed record ChatSearchHit(
    [property: JsonPropertyName("message")] ChatMessageView Message,
    [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [property: JsonPropertyName("seq")] long Seq);
