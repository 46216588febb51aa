using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>A teacher's answer: the reasoning, numbered steps, the final answer and resources to learn more from.</summary>
[GenerateSerializer, Immutable, Alias("AnswerDraft")]
public sealed record AnswerDraft(
    [Id(0)] [property: JsonPropertyName("reasoning")] string Reasoning,
    [Id(1)] [property: JsonPropertyName("steps")] IReadOnlyList<string> Steps,
    [Id(2)] [property: JsonPropertyName("finalAnswer")] string FinalAnswer,
    [Id(3)] [property: JsonPropertyName("resources")] IReadOnlyList<ResourceLink> Resources);

/// <summary>A recommended lesson (its replay), optionally at a moment of it.</summary>
/// <param name="AtMillis">Where in the replay to start, from the lesson's start; null for its beginning.</param>
[GenerateSerializer, Immutable, Alias("ResourceLink")]
public sealed record ResourceLink(
    [Id(0)] [property: JsonPropertyName("lessonId")] string LessonId,
    [Id(1)] [property: JsonPropertyName("title")] string Title,
    [Id(2)] [property: JsonPropertyName("atMillis")] long? AtMillis);
