using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A teacher published a lesson.</summary>
[GenerateSerializer, Immutable, Alias("LessonScheduled")]
public sealed record LessonScheduled([Id(0)] [property: JsonPropertyName("preview")] CoursePreview Preview) : ClassroomEventData;

/// <summary>The preview changed before the lesson started.</summary>
[GenerateSerializer, Immutable, Alias("PreviewEdited")]
public sealed record PreviewEdited([Id(0)] [property: JsonPropertyName("preview")] CoursePreview Preview) : ClassroomEventData;

/// <summary>The lesson went live; its time is the zero of the replay timeline.</summary>
[GenerateSerializer, Immutable, Alias("LessonStarted")]
public sealed record LessonStarted([Id(0)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>The lesson ended, for good.</summary>
[GenerateSerializer, Immutable, Alias("LessonEnded")]
public sealed record LessonEnded([Id(0)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>A student who attended rated the lesson and tagged the teacher's style.</summary>
[GenerateSerializer, Immutable, Alias("LessonRated")]
public sealed record LessonRated(
    [Id(0)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(1)] [property: JsonPropertyName("stars")] int Stars,
    [Id(2)] [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags) : ClassroomEventData;

/// <summary>The teacher appointed an assistant.</summary>
[GenerateSerializer, Immutable, Alias("AssistantAppointed")]
public sealed record AssistantAppointed([Id(0)] [property: JsonPropertyName("userId")] string UserId) : ClassroomEventData;

/// <summary>The teacher dismissed an assistant.</summary>
[GenerateSerializer, Immutable, Alias("AssistantDismissed")]
public sealed record AssistantDismissed([Id(0)] [property: JsonPropertyName("userId")] string UserId) : ClassroomEventData;

/// <summary>A student registered in advance.</summary>
[GenerateSerializer, Immutable, Alias("StudentRegistered")]
public sealed record StudentRegistered([Id(0)] [property: JsonPropertyName("studentId")] string StudentId) : ClassroomEventData;

/// <summary>A student cancelled a registration.</summary>
[GenerateSerializer, Immutable, Alias("RegistrationCancelled")]
public sealed record RegistrationCancelled([Id(0)] [property: JsonPropertyName("studentId")] string StudentId) : ClassroomEventData;

/// <summary>A marker (chapter) at this moment of the lesson.</summary>
[GenerateSerializer, Immutable, Alias("MarkerAdded")]
public sealed record MarkerAdded(
    [Id(0)] [property: JsonPropertyName("label")] string Label,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;
