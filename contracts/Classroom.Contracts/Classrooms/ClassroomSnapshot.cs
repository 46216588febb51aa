using Classroom.Contracts.Board;
using Classroom.Contracts.Media;
using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>
/// A classroom as one viewer may see it, as of event <see cref="Seq"/>: a client applies events from <c>Seq + 1</c>.
/// Staff (teacher, assistants) also see the muted list and quiz answer keys. <see cref="Board"/> holds every page of the board; <see cref="Media"/> the teacher's broadcast and its latest segments.
/// </summary>
[GenerateSerializer, Immutable, Alias("ClassroomSnapshot")]
public sealed record ClassroomSnapshot(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("seq")] long Seq,
    [Id(2)] [property: JsonPropertyName("status")] ClassroomStatus Status,
    [Id(3)] [property: JsonPropertyName("preview")] CoursePreview? Preview,
    [Id(4)] [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
    [Id(5)] [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [Id(6)] [property: JsonPropertyName("assistants")] IReadOnlyList<string> Assistants,
    [Id(7)] [property: JsonPropertyName("registeredCount")] int RegisteredCount,
    [Id(8)] [property: JsonPropertyName("presence")] PresenceView Presence,
    [Id(9)] [property: JsonPropertyName("chat")] ChatView Chat,
    [Id(10)] [property: JsonPropertyName("polls")] IReadOnlyList<PollView> Polls,
    [Id(11)] [property: JsonPropertyName("hands")] IReadOnlyList<string> Hands,
    [Id(12)] [property: JsonPropertyName("stage")] IReadOnlyList<string> Stage,
    [Id(13)] [property: JsonPropertyName("markers")] IReadOnlyList<MarkerView> Markers,
    [Id(14)] [property: JsonPropertyName("board")] BoardView Board,
    [Id(15)] [property: JsonPropertyName("media")] MediaView? Media = null);

/// <summary>Who is present. Above the classroom's threshold only staff are listed; the count is always exact.</summary>
[GenerateSerializer, Immutable, Alias("PresenceView")]
public sealed record PresenceView(
    [Id(0)] [property: JsonPropertyName("present")] int Present,
    [Id(1)] [property: JsonPropertyName("participants")] IReadOnlyList<ParticipantView> Participants);

/// <summary>One present participant.</summary>
[GenerateSerializer, Immutable, Alias("ParticipantView")]
public sealed record ParticipantView(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("displayName")] string DisplayName,
    [Id(2)] [property: JsonPropertyName("role")] ParticipantRole Role);

/// <summary>The chat's settings and recent history.</summary>
/// <param name="Muted">The muted students in id order; empty for viewers who are not staff.</param>
[GenerateSerializer, Immutable, Alias("ChatView")]
public sealed record ChatView(
    [Id(0)] [property: JsonPropertyName("enabled")] bool Enabled,
    [Id(1)] [property: JsonPropertyName("slowModeSeconds")] int SlowModeSeconds,
    [Id(2)] [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessageView> Messages,
    [Id(3)] [property: JsonPropertyName("muted")] IReadOnlyList<string> Muted);

/// <summary>One chat message.</summary>
[GenerateSerializer, Immutable, Alias("ChatMessageView")]
public sealed record ChatMessageView(
    [Id(0)] [property: JsonPropertyName("messageId")] string MessageId,
    [Id(1)] [property: JsonPropertyName("userId")] string UserId,
    [Id(2)] [property: JsonPropertyName("displayName")] string DisplayName,
    [Id(3)] [property: JsonPropertyName("role")] ParticipantRole Role,
    [Id(4)] [property: JsonPropertyName("text")] string Text,
    [Id(5)] [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>A poll and its tally.</summary>
/// <param name="CorrectOptions">The answer key of a quiz: for staff, and for everyone once results are published.</param>
[GenerateSerializer, Immutable, Alias("PollView")]
public sealed record PollView(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("question")] string Question,
    [Id(2)] [property: JsonPropertyName("options")] IReadOnlyList<string> Options,
    [Id(3)] [property: JsonPropertyName("multipleChoice")] bool MultipleChoice,
    [Id(4)] [property: JsonPropertyName("isQuiz")] bool IsQuiz,
    [Id(5)] [property: JsonPropertyName("anonymous")] bool Anonymous,
    [Id(6)] [property: JsonPropertyName("status")] PollStatus Status,
    [Id(7)] [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [Id(8)] [property: JsonPropertyName("voters")] int Voters,
    [Id(9)] [property: JsonPropertyName("correctOptions")] IReadOnlyList<int>? CorrectOptions,
    [Id(10)] [property: JsonPropertyName("closesAt")] DateTimeOffset? ClosesAt);

/// <summary>Where a poll is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PollStatus>))]
public enum PollStatus
{
    /// <summary>Taking votes.</summary>
    [JsonStringEnumMemberName("open")] Open,

    /// <summary>No more votes; results not yet shown to students.</summary>
    [JsonStringEnumMemberName("closed")] Closed,

    /// <summary>Results shown to everyone.</summary>
    [JsonStringEnumMemberName("published")] Published,
}

/// <summary>A chapter of the lesson's timeline.</summary>
/// <param name="Offset">Time since the lesson started: where the marker sits in a recording.</param>
[GenerateSerializer, Immutable, Alias("MarkerView")]
public sealed record MarkerView(
    [Id(0)] [property: JsonPropertyName("label")] string Label,
    [Id(1)] [property: JsonPropertyName("kind")] MarkerKind Kind,
    [Id(2)] [property: JsonPropertyName("at")] DateTimeOffset At,
    [Id(3)] [property: JsonPropertyName("offset")] TimeSpan Offset,
    [Id(4)] [property: JsonPropertyName("seq")] long Seq);

/// <summary>Who or what placed a marker.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MarkerKind>))]
public enum MarkerKind
{
    /// <summary>Added by the teacher or an assistant.</summary>
    [JsonStringEnumMemberName("teacher")] Teacher,

    /// <summary>The lesson started.</summary>
    [JsonStringEnumMemberName("lesson-start")] LessonStart,

    /// <summary>The lesson ended.</summary>
    [JsonStringEnumMemberName("lesson-end")] LessonEnd,

    /// <summary>A poll opened.</summary>
    [JsonStringEnumMemberName("poll-opened")] PollOpened,

    /// <summary>A poll closed.</summary>
    [JsonStringEnumMemberName("poll-closed")] PollClosed,
}
