using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>A question as lists show it: the teachers' queue, a student's questions.</summary>
/// <param name="LastActivityAt">The latest of asking, answering, adopting, a follow-up.</param>
[GenerateSerializer, Immutable, Alias("QuestionSummary")]
public sealed record QuestionSummary(
    [Id(0)] [property: JsonPropertyName("questionId")] string QuestionId,
    [Id(1)] [property: JsonPropertyName("subject")] string Subject,
    [Id(2)] [property: JsonPropertyName("grade")] int Grade,
    [Id(3)] [property: JsonPropertyName("knowledgePoints")] IReadOnlyList<string> KnowledgePoints,
    [Id(4)] [property: JsonPropertyName("title")] string Title,
    [Id(5)] [property: JsonPropertyName("authorName")] string AuthorName,
    [Id(6)] [property: JsonPropertyName("askedAt")] DateTimeOffset AskedAt,
    [Id(7)] [property: JsonPropertyName("status")] QuestionStatus Status,
    [Id(8)] [property: JsonPropertyName("answerCount")] int AnswerCount,
    [Id(9)] [property: JsonPropertyName("lastActivityAt")] DateTimeOffset LastActivityAt);
