using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>A question with its answers, as the caller may see it.</summary>
/// <param name="Reports">How many people reported it; shown to administrators only (0 for others).</param>
[GenerateSerializer, Immutable, Alias("QuestionView")]
public sealed record QuestionView(
    [Id(0)] [property: JsonPropertyName("questionId")] string QuestionId,
    [Id(1)] [property: JsonPropertyName("subject")] string Subject,
    [Id(2)] [property: JsonPropertyName("grade")] int Grade,
    [Id(3)] [property: JsonPropertyName("knowledgePoints")] IReadOnlyList<string> KnowledgePoints,
    [Id(4)] [property: JsonPropertyName("title")] string Title,
    [Id(5)] [property: JsonPropertyName("text")] string Text,
    [Id(6)] [property: JsonPropertyName("photoIds")] IReadOnlyList<string> PhotoIds,
    [Id(7)] [property: JsonPropertyName("authorId")] string AuthorId,
    [Id(8)] [property: JsonPropertyName("authorName")] string AuthorName,
    [Id(9)] [property: JsonPropertyName("askedAt")] DateTimeOffset AskedAt,
    [Id(10)] [property: JsonPropertyName("status")] QuestionStatus Status,
    [Id(11)] [property: JsonPropertyName("hidden")] bool Hidden,
    [Id(12)] [property: JsonPropertyName("reports")] int Reports,
    [Id(13)] [property: JsonPropertyName("answers")] IReadOnlyList<AnswerView> Answers,
    [Id(14)] [property: JsonPropertyName("adoptedAnswerId")] string? AdoptedAnswerId,
    [Id(15)] [property: JsonPropertyName("rating")] int? Rating);

/// <summary>One teacher's answer, with the follow-up thread under it.</summary>
[GenerateSerializer, Immutable, Alias("AnswerView")]
public sealed record AnswerView(
    [Id(0)] [property: JsonPropertyName("answerId")] string AnswerId,
    [Id(1)] [property: JsonPropertyName("teacherId")] string TeacherId,
    [Id(2)] [property: JsonPropertyName("teacherName")] string TeacherName,
    [Id(3)] [property: JsonPropertyName("answer")] AnswerDraft Answer,
    [Id(4)] [property: JsonPropertyName("answeredAt")] DateTimeOffset AnsweredAt,
    [Id(5)] [property: JsonPropertyName("adopted")] bool Adopted,
    [Id(6)] [property: JsonPropertyName("followUps")] IReadOnlyList<FollowUp> FollowUps);

/// <summary>A short message under an answer, by the question's author or the answering teacher.</summary>
[GenerateSerializer, Immutable, Alias("FollowUp")]
public sealed record FollowUp(
    [Id(0)] [property: JsonPropertyName("authorId")] string AuthorId,
    [Id(1)] [property: JsonPropertyName("authorName")] string AuthorName,
    [Id(2)] [property: JsonPropertyName("text")] string Text,
    [Id(3)] [property: JsonPropertyName("at")] DateTimeOffset At);
