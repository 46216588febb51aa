using System.Text.Json.Serialization;
using Classroom.Contracts.Teachers;

namespace Classroom.Contracts.Students;

/// <summary>Who a student is.</summary>
public sealed record StudentProfile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("grade")] int Grade,
    [property: JsonPropertyName("school")] string School,
    [property: JsonPropertyName("district")] string District);

/// <summary>A student's profile, registrations, attendance, ratings and replay positions.</summary>
public sealed record StudentSummary(
    [property: JsonPropertyName("studentId")] string StudentId,
    [property: JsonPropertyName("profile")] StudentProfile? Profile,
    [property: JsonPropertyName("registrations")] IReadOnlyList<RegistrationRecord> Registrations,
    [property: JsonPropertyName("attendance")] IReadOnlyList<AttendanceRecord> Attendance,
    [property: JsonPropertyName("ratings")] IReadOnlyList<LessonRating> Ratings,
    [property: JsonPropertyName("replayPositions")] IReadOnlyDictionary<string, TimeSpan> ReplayPositions);

/// <summary>A lesson the student registered for.</summary>
public sealed record RegistrationRecord(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("teacherId")] string TeacherId);

/// <summary>A lesson the student attended, and for how long while it was live.</summary>
public sealed record AttendanceRecord(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("teacherId")] string TeacherId,
    [property: JsonPropertyName("firstJoinedAt")] DateTimeOffset FirstJoinedAt,
    [property: JsonPropertyName("duration")] TimeSpan Duration);
