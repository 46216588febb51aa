using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>What students see before a lesson: the course preview a teacher publishes.</summary>
[GenerateSerializer, Immutable, Alias("CoursePreview")]
public sealed record CoursePreview(
    [Id(0)] [property: JsonPropertyName("title")] string Title,
    [Id(1)] [property: JsonPropertyName("subject")] string Subject,
    [Id(2)] [property: JsonPropertyName("grade")] int Grade,
    [Id(3)] [property: JsonPropertyName("courseType")] CourseType CourseType,
    [Id(4)] [property: JsonPropertyName("description")] string Description,
    [Id(5)] [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [Id(6)] [property: JsonPropertyName("duration")] TimeSpan Duration,
    [Id(7)] [property: JsonPropertyName("teacherId")] string TeacherId,
    [Id(8)] [property: JsonPropertyName("mediaUrl")] string? MediaUrl = null,
    [Id(9)] [property: JsonPropertyName("capacity")] int? Capacity = null);

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
