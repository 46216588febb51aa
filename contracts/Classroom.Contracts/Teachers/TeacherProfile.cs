using System.Text.Json.Serialization;

namespace Classroom.Contracts.Teachers;

/// <summary>What students see of a teacher, e.g. "Beijing special-grade teacher, 35 years of teaching".</summary>
public sealed record TeacherProfile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subjects")] IReadOnlyList<string> Subjects,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("school")] string School,
    [property: JsonPropertyName("district")] string District,
    [property: JsonPropertyName("bio")] string Bio,
    [property: JsonPropertyName("yearsOfTeaching")] int YearsOfTeaching);

/// <summary>A teacher's profile with what their lessons and students' ratings add up to.</summary>
/// <param name="StyleTags">How many students gave each style tag ("patient", "clear reasoning", …).</param>
public sealed record TeacherSummary(
    [property: JsonPropertyName("teacherId")] string TeacherId,
    [property: JsonPropertyName("profile")] TeacherProfile? Profile,
    [property: JsonPropertyName("lessons")] IReadOnlyList<LessonRecord> Lessons,
    [property: JsonPropertyName("lessonsTaught")] int LessonsTaught,
    [property: JsonPropertyName("studentsTaught")] int StudentsTaught,
    [property: JsonPropertyName("ratingCount")] int RatingCount,
    [property: JsonPropertyName("ratingAverage")] double RatingAverage,
    [property: JsonPropertyName("styleTags")] IReadOnlyDictionary<string, int> StyleTags);

/// <summary>A lesson of a teacher's, as the classroom last reported it.</summary>
public sealed record LessonRecord(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("status")] Classrooms.ClassroomStatus Status,
    [property: JsonPropertyName("attendees")] int Attendees);

/// <summary>One student's rating of one lesson: 1-5 stars and style tags.</summary>
public sealed record LessonRating(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("teacherId")] string TeacherId,
    [property: JsonPropertyName("studentId")] string StudentId,
    [property: JsonPropertyName("stars")] int Stars,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);
