using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>
/// What happened to a question, as its log stores it (JSON, <c>type</c> naming the kind; names never change once
/// shipped). The question's state is these events applied in order; the analytics read models will read them too.
/// </summary>
[GenerateSerializer, Alias("QuestionEvent")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(QuestionAsked), "question.asked")]
[JsonDerivedType(typeof(AnswerPosted), "answer.posted")]
[JsonDerivedType(typeof(AnswerAdopted), "answer.adopted")]
[JsonDerivedType(typeof(AnswerRated), "answer.rated")]
[JsonDerivedType(typeof(FollowUpPosted), "followup.posted")]
[JsonDerivedType(typeof(QuestionClosed), "question.closed")]
[JsonDerivedType(typeof(QuestionReported), "question.reported")]
[JsonDerivedType(typeof(QuestionHiddenChanged), "question.hidden-changed")]
public abstract record QuestionEvent(
    [property: Id(0), JsonPropertyName("at")] DateTimeOffset At);

/// <summary>A student asked the question.</summary>
[GenerateSerializer, Immutable, Alias("QuestionAsked")]
public sealed record QuestionAsked(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("authorId")] string AuthorId,
    [property: Id(1), JsonPropertyName("authorName")] string AuthorName,
    [property: Id(2), JsonPropertyName("question")] QuestionDraft Question) : QuestionEvent(At);

/// <summary>A teacher answered.</summary>
[GenerateSerializer, Immutable, Alias("AnswerPosted")]
public sealed record AnswerPosted(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("answerId")] string AnswerId,
    [property: Id(1), JsonPropertyName("teacherId")] string TeacherId,
    [property: Id(2), JsonPropertyName("teacherName")] string TeacherName,
    [property: Id(3), JsonPropertyName("answer")] AnswerDraft Answer) : QuestionEvent(At);

/// <summary>The author adopted an answer.</summary>
[GenerateSerializer, Immutable, Alias("AnswerAdopted")]
public sealed record AnswerAdopted(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("answerId")] string AnswerId) : QuestionEvent(At);

/// <summary>The author rated the adopted answer.</summary>
[GenerateSerializer, Immutable, Alias("AnswerRated")]
public sealed record AnswerRated(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("answerId")] string AnswerId,
    [property: Id(1), JsonPropertyName("stars")] int Stars) : QuestionEvent(At);

/// <summary>A follow-up under an answer.</summary>
[GenerateSerializer, Immutable, Alias("FollowUpPosted")]
public sealed record FollowUpPosted(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("answerId")] string AnswerId,
    [property: Id(1), JsonPropertyName("authorId")] string AuthorId,
    [property: Id(2), JsonPropertyName("authorName")] string AuthorName,
    [property: Id(3), JsonPropertyName("text")] string Text) : QuestionEvent(At);

/// <summary>The question was closed by its author or an administrator.</summary>
[GenerateSerializer, Immutable, Alias("QuestionClosed")]
public sealed record QuestionClosed(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("byId")] string ById) : QuestionEvent(At);

/// <summary>Someone reported the question.</summary>
[GenerateSerializer, Immutable, Alias("QuestionReported")]
public sealed record QuestionReported(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("byId")] string ById,
    [property: Id(1), JsonPropertyName("reason")] string Reason) : QuestionEvent(At);

/// <summary>An administrator hid the question, or showed it again.</summary>
[GenerateSerializer, Immutable, Alias("QuestionHiddenChanged")]
public sealed record QuestionHiddenChanged(
    DateTimeOffset At,
    [property: Id(0), JsonPropertyName("byId")] string ById,
    [property: Id(1), JsonPropertyName("hidden")] bool Hidden) : QuestionEvent(At);
