using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Catalog;

/// <summary>A lesson as the schedule lists it.</summary>
[GenerateSerializer, Immutable, Alias("LessonListing")]
public sealed record LessonListing(
    [Id(0)] [property: JsonPropertyName("classroomId")] string ClassroomId,
    [Id(1)] [property: JsonPropertyName("title")] string Title,
    [Id(2)] [property: JsonPropertyName("subject")] string Subject,
    [Id(3)] [property: JsonPropertyName("grade")] int Grade,
    [Id(4)] [property: JsonPropertyName("courseType")] CourseType CourseType,
    [Id(5)] [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [Id(6)] [property: JsonPropertyName("duration")] TimeSpan Duration,
    [Id(7)] [property: JsonPropertyName("teacherId")] string TeacherId,
    [Id(8)] [property: JsonPropertyName("status")] ClassroomStatus Status,
    [Id(9)] [property: JsonPropertyName("registered")] int Registered,
    [Id(10)] [property: JsonPropertyName("capacity")] int? Capacity);

/// <summary>What to list: by subject and by a window of start times (both optional).</summary>
[GenerateSerializer, Immutable, Alias("LessonQuery")]
public sealed record LessonQuery(
    [Id(0)] [property: JsonPropertyName("subject")] string? Subject,
    [Id(1)] [property: JsonPropertyName("from")] DateTimeOffset? From,
    [Id(2)] [property: JsonPropertyName("to")] DateTimeOffset? To,
    [Id(3)] [property: JsonPropertyName("limit")] int Limit = 100);
