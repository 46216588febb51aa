using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>
/// A classroom as one viewer may see it, as of event <see cref="Seq"/>: a client applies events from <c>Seq + 1</c>.
/// Staff (teacher, assistants) also see the muted list and quiz answer keys.
/// </summary>
public sealed record ClassroomSnapshot(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("status")] ClassroomStatus Status,
    [property: JsonPropertyName("preview")] CoursePreview? Preview,
    [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("assistants")] IReadOnlyList<string> Assistants,
    [property: JsonPropertyName("registeredCount")] int RegisteredCount,
    [property: JsonPropertyName("presence")] PresenceView Presence,
    [property: JsonPropertyName("chat")] ChatView Chat,
    [property: JsonPropertyName("polls")] IReadOnlyList<PollView> Polls,
    [property: JsonPropertyName("hands")] IReadOnlyList<string> Hands,
    [property: JsonPropertyName("stage")] IReadOnlyList<string> Stage,
    [property: JsonPropertyName("markers")] IReadOnlyList<MarkerView> Markers);

/// <summary>Who is present. Above the classroom's threshold only staff are listed; the count is always exact.</summary>
public sealed record PresenceView(
    [property: JsonPropertyName("present")] int Present,
    [property: JsonPropertyName("participants")] IReadOnlyList<ParticipantView> Participants);

/// <summary>One present participant.</summary>
public sealed record ParticipantView(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("role")] ParticipantRole Role);

/// <summary>The chat's settings and recent history.</summary>
/// <param name="Muted">The muted students in id order; empty for viewers who are not staff.</param>
public sealed record ChatView(
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("slowModeSeconds")] int SlowModeSeconds,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessageView> Messages,
    [property: JsonPropertyName("muted")] IReadOnlyList<string> Muted);

/// <summary>One chat message.</summary>
public sealed record ChatMessageView(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("role")] ParticipantRole Role,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>A poll and its tally.</summary>
/// <param name="CorrectOptions">The answer key of a quiz: for staff, and for everyone once results are published.</param>
public sealed record PollView(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("options")] IReadOnlyList<string> Options,
    [property: JsonPropertyName("multipleChoice")] bool MultipleChoice,
    [property: JsonPropertyName("isQuiz")] bool IsQuiz,
    [property: JsonPropertyName("anonymous")] bool Anonymous,
    [property: JsonPropertyName("status")] PollStatus Status,
    [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [property: JsonPropertyName("voters")] int Voters,
    [property: JsonPropertyName("correctOptions")] IReadOnlyList<int>? CorrectOptions,
    [property: JsonPropertyName("closesAt")] DateTimeOffset? ClosesAt);

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
public sealed record MarkerView(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("kind")] MarkerKind Kind,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("offset")] TimeSpan Offset,
    [property: JsonPropertyName("seq")] long Seq);

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
