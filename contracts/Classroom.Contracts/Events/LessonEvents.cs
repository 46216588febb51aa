using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A teacher published a lesson.</summary>
public sealed record LessonScheduled([property: JsonPropertyName("preview")] CoursePreview Preview) : ClassroomEventData;

/// <summary>The preview changed before the lesson started.</summary>
public sealed record PreviewEdited([property: JsonPropertyName("preview")] CoursePreview Preview) : ClassroomEventData;

/// <summary>The lesson went live; its time is the zero of the replay timeline.</summary>
public sealed record LessonStarted([property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>The lesson ended, for good.</summary>
public sealed record LessonEnded([property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>A student who attended rated the lesson and tagged the teacher's style.</summary>
public sealed record LessonRated(
    [property: JsonPropertyName("studentId")] string StudentId,
    [property: JsonPropertyName("stars")] int Stars,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags) : ClassroomEventData;

/// <summary>The teacher appointed an assistant.</summary>
public sealed record AssistantAppointed([property: JsonPropertyName("userId")] string UserId) : ClassroomEventData;

/// <summary>The teacher dismissed an assistant.</summary>
public sealed record AssistantDismissed([property: JsonPropertyName("userId")] string UserId) : ClassroomEventData;

/// <summary>A student registered in advance.</summary>
public sealed record StudentRegistered([property: JsonPropertyName("studentId")] string StudentId) : ClassroomEventData;

/// <summary>A student cancelled a registration.</summary>
public sealed record RegistrationCancelled([property: JsonPropertyName("studentId")] string StudentId) : ClassroomEventData;

/// <summary>A marker (chapter) at this moment of the lesson.</summary>
public sealed record MarkerAdded(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("by")] string By) : ClassroomEventData;
