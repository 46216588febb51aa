using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>What the search index holds of a question or a lesson: the searchable text and what ranks and filters it.</summary>
/// <param name="Id">A question id, or a lesson's classroom id.</param>
/// <param name="Kind">What it is: <see cref="SearchKinds.Question"/> or <see cref="SearchKinds.Lesson"/>.</param>
/// <param name="Body">The question's text, or the lesson's description.</param>
/// <param name="Answers">The answers' text (reasoning, steps, final answers), adopted one first; empty for lessons.</param>
/// <param name="Visible">False for hidden questions: never found.</param>
[GenerateSerializer, Immutable, Alias("SearchDocument")]
public sealed record SearchDocument(
    [Id(0)] [property: JsonPropertyName("id")] string Id,
    [Id(1)] [property: JsonPropertyName("kind")] string Kind,
    [Id(2)] [property: JsonPropertyName("subject")] string Subject,
    [Id(3)] [property: JsonPropertyName("grade")] int Grade,
    [Id(4)] [property: JsonPropertyName("knowledgePoints")] IReadOnlyList<string> KnowledgePoints,
    [Id(5)] [property: JsonPropertyName("title")] string Title,
    [Id(6)] [property: JsonPropertyName("body")] string Body,
    [Id(7)] [property: JsonPropertyName("answers")] string Answers,
    [Id(8)] [property: JsonPropertyName("answered")] bool Answered,
    [Id(9)] [property: JsonPropertyName("adopted")] bool Adopted,
    [Id(10)] [property: JsonPropertyName("visible")] bool Visible,
    [Id(11)] [property: JsonPropertyName("at")] DateTimeOffset At);

/// <summary>The kinds of document the search index holds.</summary>
public static class SearchKinds
{
    /// <summary>A question of the Q&amp;A centre.</summary>
    public const string Question = "question";

    /// <summary>A lesson (its replay is the micro-lesson to watch).</summary>
    public const string Lesson = "lesson";
}

/// <summary>A search: free text (Chinese, not space-separated), narrowed by knowledge point, grade and kind.</summary>
/// <param name="Text">What to look for; may be empty when a knowledge point narrows the search.</param>
/// <param name="AnsweredOnly">Only questions with at least one answer (what "similar questions" shows while asking).</param>
[GenerateSerializer, Immutable, Alias("SearchQuery")]
public sealed record SearchQuery(
    [Id(0)] [property: JsonPropertyName("text")] string Text,
    [Id(1)] [property: JsonPropertyName("knowledgePoint")] string? KnowledgePoint = null,
    [Id(2)] [property: JsonPropertyName("grade")] int? Grade = null,
    [Id(3)] [property: JsonPropertyName("kind")] string? Kind = null,
    [Id(4)] [property: JsonPropertyName("answeredOnly")] bool AnsweredOnly = false,
    [Id(5)] [property: JsonPropertyName("limit")] int Limit = 10);

/// <summary>One match, best first; the title and a snippet of the body with the matched words marked.</summary>
[GenerateSerializer, Immutable, Alias("SearchHit")]
public sealed record SearchHit(
    [Id(0)] [property: JsonPropertyName("id")] string Id,
    [Id(1)] [property: JsonPropertyName("kind")] string Kind,
    [Id(2)] [property: JsonPropertyName("subject")] string Subject,
    [Id(3)] [property: JsonPropertyName("grade")] int Grade,
    [Id(4)] [property: JsonPropertyName("knowledgePoints")] IReadOnlyList<string> KnowledgePoints,
    [Id(5)] [property: JsonPropertyName("title")] IReadOnlyList<TextPart> Title,
    [Id(6)] [property: JsonPropertyName("snippet")] IReadOnlyList<TextPart> Snippet,
    [Id(7)] [property: JsonPropertyName("adopted")] bool Adopted,
    [Id(8)] [property: JsonPropertyName("score")] float Score);

/// <summary>
/// A run of text, marked when it matched the query. Pages render the parts as text nodes (matched ones in
/// <c>&lt;mark&gt;</c>), so user text is never parsed as HTML.
/// </summary>
[GenerateSerializer, Immutable, Alias("TextPart")]
public sealed record TextPart(
    [Id(0)] [property: JsonPropertyName("text")] string Text,
    [Id(1)] [property: JsonPropertyName("match")] bool Match);
