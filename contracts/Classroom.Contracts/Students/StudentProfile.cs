using System.Text.Json.Serialization;
using Classroom.Contracts.Teachers;

namespace Classroom.Contracts.Students;

/// <summary>Who a student is.</summary>
[GenerateSerializer, Immutable, Alias("StudentProfile")]
public sealed record StudentProfile(
    [Id(0)] [property: JsonPropertyName("name")] string Name,
    [Id(1)] [property: JsonPropertyName("grade")] int Grade,
    [Id(2)] [property: JsonPropertyName("school")] string School,
    [Id(3)] [property: JsonPropertyName("district")] string District);

/// <summary>A student's profile, registrations, attendance, ratings and replay positions.</summary>
[GenerateSerializer, Immutable, Alias("StudentSummary")]
public sealed record StudentSummary(
    [Id(0)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(1)] [property: JsonPropertyName("profile")] StudentProfile? Profile,
    [Id(2)] [property: JsonPropertyName("registrations")] IReadOnlyList<RegistrationRecord> Registrations,
    [Id(3)] [property: JsonPropertyName("attendance")] IReadOnlyList<AttendanceRecord> Attendance,
    [Id(4)] [property: JsonPropertyName("ratings")] IReadOnlyList<LessonRating> Ratings,
    [Id(5)] [property: JsonPropertyName("replayPositions")] IReadOnlyDictionary<string, TimeSpan> ReplayPositions);

/// <summary>A lesson the student registered for.</summary>
[GenerateSerializer, Immutable, Alias("RegistrationRecord")]
public sealed record RegistrationRecord(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("title")] string Title,
    [Id(2)] [property: JsonPropertyName("subject")] string Subject,
    [Id(3)] [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [Id(4)] [property: JsonPropertyName("teacherId")] string TeacherId);

/// <summary>A lesson the student attended, and for how long while it was live.</summary>
[GenerateSerializer, Immutable, Alias("AttendanceRecord")]
public sealed record AttendanceRecord(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("title")] string Title,
    [Id(2)] [property: JsonPropertyName("teacherId")] string TeacherId,
    [Id(3)] [property: JsonPropertyName("firstJoinedAt")] DateTimeOffset FirstJoinedAt,
    [Id(4)] [property: JsonPropertyName("duration")] TimeSpan Duration);
