using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Replays;

/// <summary>What a replay viewer needs before seeking: the lesson, its length, its chapters and where its media is.</summary>
/// <param name="DurationMillis">From the start to the end, or to now while the lesson is still live.</param>
/// <param name="LastSeq">The last event the replay has read from the lesson's log.</param>
[GenerateSerializer, Immutable, Alias("ReplayInfo")]
public sealed record ReplayInfo(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("status")] ClassroomStatus Status,
    [Id(2)] [property: JsonPropertyName("preview")] CoursePreview? Preview,
    [Id(3)] [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [Id(4)] [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [Id(5)] [property: JsonPropertyName("durationMillis")] long DurationMillis,
    [Id(6)] [property: JsonPropertyName("lastSeq")] long LastSeq,
    [Id(7)] [property: JsonPropertyName("chapters")] IReadOnlyList<ReplayChapter> Chapters);

/// <summary>A chapter of the timeline: a teacher's marker, or the start, the end, a poll opening or closing.</summary>
[GenerateSerializer, Immutable, Alias("ReplayChapter")]
public sealed record ReplayChapter(
    [Id(0)] [property: JsonPropertyName("label")] string Label,
    [Id(1)] [property: JsonPropertyName("kind")] MarkerKind Kind,
    [Id(2)] [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [Id(3)] [property: JsonPropertyName("seq")] long Seq);

/// <summary>The classroom at one moment of the replay: a client applies the events after <see cref="ClassroomSnapshot.Seq"/> from here.</summary>
/// <param name="OffsetMillis">The moment shown: the one asked for, or the end when that was beyond it.</param>
/// <param name="AtEnd">True at the end of an ended lesson, or at the live edge of a lesson still going on.</param>
[GenerateSerializer, Immutable, Alias("ReplayFrame")]
public sealed record ReplayFrame(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [Id(2)] [property: JsonPropertyName("atEnd")] bool AtEnd,
    [Id(3)] [property: JsonPropertyName("snapshot")] ClassroomSnapshot Snapshot);

/// <summary>The chat messages that matched a search.</summary>
/// <param name="HasMore">True when more messages matched than were returned.</param>
[GenerateSerializer, Immutable, Alias("ChatSearchResult")]
public sealed record ChatSearchResult(
    [Id(0)] [property: JsonPropertyName("query")] string Query,
    [Id(1)] [property: JsonPropertyName("hits")] IReadOnlyList<ChatSearchHit> Hits,
    [Id(2)] [property: JsonPropertyName("hasMore")] bool HasMore);

/// <summary>One matching message and the moment to jump to.</summary>
[GenerateSerializer, Immutable, Alias("ChatSearchHit")]
public sealed record ChatSearchHit(
    [Id(0)] [property: JsonPropertyName("message")] ChatMessageView Message,
    [Id(1)] [property: JsonPropertyName("offsetMillis")] long OffsetMillis,
    [Id(2)] [property: JsonPropertyName("seq")] long Seq);
