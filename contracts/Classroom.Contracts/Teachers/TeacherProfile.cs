using System.Text.Json.Serialization;

namespace Classroom.Contracts.Teachers;

/// <summary>What students see of a teacher, e.g. "Beijing special-grade teacher, 35 years of teaching".</summary>
[GenerateSerializer, Immutable, Alias("TeacherProfile")]
public sealed record TeacherProfile(
    [Id(0)] [property: JsonPropertyName("name")] string Name,
    [Id(1)] [property: JsonPropertyName("subjects")] IReadOnlyList<string> Subjects,
    [Id(2)] [property: JsonPropertyName("title")] string Title,
    [Id(3)] [property: JsonPropertyName("school")] string School,
    [Id(4)] [property: JsonPropertyName("district")] string District,
    [Id(5)] [property: JsonPropertyName("bio")] string Bio,
    [Id(6)] [property: JsonPropertyName("yearsOfTeaching")] int YearsOfTeaching);

/// <summary>A teacher's profile with what their lessons and students' ratings add up to.</summary>
/// <param name="StyleTags">How many students gave each style tag ("patient", "clear reasoning", …).</param>
[GenerateSerializer, Immutable, Alias("TeacherSummary")]
public sealed record TeacherSummary(
    [Id(0)] [property: JsonPropertyName("teacherId")] string TeacherId,
    [Id(1)] [property: JsonPropertyName("profile")] TeacherProfile? Profile,
    [Id(2)] [property: JsonPropertyName("lessons")] IReadOnlyList<LessonRecord> Lessons,
    [Id(3)] [property: JsonPropertyName("lessonsTaught")] int LessonsTaught,
    [Id(4)] [property: JsonPropertyName("studentsTaught")] int StudentsTaught,
    [Id(5)] [property: JsonPropertyName("ratingCount")] int RatingCount,
    [Id(6)] [property: JsonPropertyName("ratingAverage")] double RatingAverage,
    [Id(7)] [property: JsonPropertyName("styleTags")] IReadOnlyDictionary<string, int> StyleTags);

/// <summary>A lesson of a teacher's, as the classroom last reported it.</summary>
[GenerateSerializer, Immutable, Alias("LessonRecord")]
public sealed record LessonRecord(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("title")] string Title,
    [Id(2)] [property: JsonPropertyName("subject")] string Subject,
    [Id(3)] [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [Id(4)] [property: JsonPropertyName("status")] Classrooms.ClassroomStatus Status,
    [Id(5)] [property: JsonPropertyName("attendees")] int Attendees);

/// <summary>One student's rating of one lesson: 1-5 stars and style tags.</summary>
[GenerateSerializer, Immutable, Alias("LessonRating")]
public sealed record LessonRating(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("teacherId")] string TeacherId,
    [Id(2)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(3)] [property: JsonPropertyName("stars")] int Stars,
    [Id(4)] [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);
