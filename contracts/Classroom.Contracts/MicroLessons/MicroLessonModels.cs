using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Classroom.Contracts.MicroLessons;

/// <summary>
/// What a teacher gives a micro-lesson: the recorded lesson it is cut from and the range (milliseconds since that lesson
/// started, the replay's timeline), a title, a subject and grade, 1-5 knowledge points of the subject (the Q&amp;A
/// centre's catalogue), and a line of description.
/// </summary>
[GenerateSerializer, Immutable, Alias("MicroLessonDraft")]
public sealed record MicroLessonDraft(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("fromMillis")] long FromMillis,
    [Id(2)] [property: JsonPropertyName("toMillis")] long ToMillis,
    [Id(3)] [property: JsonPropertyName("title")] string Title,
    [Id(4)] [property: JsonPropertyName("subject")] string Subject,
    [Id(5)] [property: JsonPropertyName("grade")] int Grade,
    [Id(6)] [property: JsonPropertyName("knowledgePoints")] IReadOnlyList<string> KnowledgePoints,
    [Id(7)] [property: JsonPropertyName("description")] string? Description = null);

/// <summary>A micro-lesson as everyone sees it.</summary>
/// <param name="LessonTitle">The title of the lesson it was cut from.</param>
[GenerateSerializer, Immutable, Alias("MicroLessonView")]
public sealed record MicroLessonView(
    [Id(0)] [property: JsonPropertyName("microLessonId")] string MicroLessonId,
    [Id(1)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(2)] [property: JsonPropertyName("teacherId")] string TeacherId,
    [Id(3)] [property: JsonPropertyName("title")] string Title,
    [Id(4)] [property: JsonPropertyName("subject")] string Subject,
    [Id(5)] [property: JsonPropertyName("grade")] int Grade,
    [Id(6)] [property: JsonPropertyName("knowledgePoints")] IReadOnlyList<string> KnowledgePoints,
    [Id(7)] [property: JsonPropertyName("description")] string Description,
    [Id(8)] [property: JsonPropertyName("fromMillis")] long FromMillis,
    [Id(9)] [property: JsonPropertyName("toMillis")] long ToMillis,
    [Id(10)] [property: JsonPropertyName("lessonTitle")] string LessonTitle,
    [Id(11)] [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);

/// <summary>How to list micro-lessons: newest first, optionally of one grade, knowledge point or subject (a teacher's list has every subject).</summary>
[GenerateSerializer, Immutable, Alias("MicroLessonQuery")]
public sealed record MicroLessonQuery(
    [Id(0)] int? Grade = null,
    [Id(1)] string? KnowledgePoint = null,
    [Id(2)] int Limit = 100,
    [Id(3)] string? Subject = null);

/// <summary>Micro-lesson ids: <c>ml-</c> and 16 hexadecimal digits, random, so they are neither guessed nor counted.</summary>
public static class MicroLessonIds
{
    public static string New() => "ml-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsValid(string? id) =>
        id is { Length: 19 } && id.StartsWith("ml-", StringComparison.Ordinal) && id.AsSpan(3).ContainsAnyExcept("0123456789abcdef") is false;
}
