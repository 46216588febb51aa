using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>What students see before a lesson: the course preview a teacher publishes.</summary>
public sealed record CoursePreview(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("grade")] int Grade,
    [property: JsonPropertyName("courseType")] CourseType CourseType,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("duration")] TimeSpan Duration,
    [property: JsonPropertyName("teacherId")] string TeacherId,
    [property: JsonPropertyName("mediaUrl")] string? MediaUrl = null,
    [property: JsonPropertyName("capacity")] int? Capacity = null);

/// <summary>The kinds of course the programme offers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CourseType>))]
public enum CourseType
{
    /// <summary>Textbook knowledge points.</summary>
    [JsonStringEnumMemberName("textbook")] Textbook,

    /// <summary>A systematic topic course, e.g. exam review.</summary>
    [JsonStringEnumMemberName("topic-review")] TopicReview,

    /// <summary>Paper analysis with open Q&amp;A.</summary>
    [JsonStringEnumMemberName("paper-analysis")] PaperAnalysis,

    /// <summary>An interest course.</summary>
    [JsonStringEnumMemberName("interest")] Interest,
}
