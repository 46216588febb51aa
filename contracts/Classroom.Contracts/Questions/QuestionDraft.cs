using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>A question as a student asks it: subject, grade, knowledge points from the catalogue, title, text, photos.</summary>
/// <param name="PhotoIds">Up to 3 photos uploaded (and re-encoded) before asking, by the asking student.</param>
[GenerateSerializer, Immutable, Alias("QuestionDraft")]
public sealed record QuestionDraft(
    [Id(0)] [property: JsonPropertyName("subject")] string Subject,
    [Id(1)] [property: JsonPropertyName("grade")] int Grade,
    [Id(2)] [property: JsonPropertyName("knowledgePoints")] IReadOnlyList<string> KnowledgePoints,
    [Id(3)] [property: JsonPropertyName("title")] string Title,
    [Id(4)] [property: JsonPropertyName("text")] string Text,
    [Id(5)] [property: JsonPropertyName("photoIds")] IReadOnlyList<string> PhotoIds);
