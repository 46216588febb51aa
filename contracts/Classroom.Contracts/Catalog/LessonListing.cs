using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Catalog;

/// <summary>A lesson as the schedule lists it.</summary>
public sealed record LessonListing(
    [property: JsonPropertyName("classroomId")] string ClassroomId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("grade")] int Grade,
    [property: JsonPropertyName("courseType")] CourseType CourseType,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("duration")] TimeSpan Duration,
    [property: JsonPropertyName("teacherId")] string TeacherId,
    [property: JsonPropertyName("status")] ClassroomStatus Status,
    [property: JsonPropertyName("registered")] int Registered,
    [property: JsonPropertyName("capacity")] int? Capacity);

/// <summary>What to list: by subject and by a window of start times (both optional).</summary>
public sealed record LessonQuery(
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("from")] DateTimeOffset? From,
    [property: JsonPropertyName("to")] DateTimeOffset? To,
    [property: JsonPropertyName("limit")] int Limit = 100);
