using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A poll or quiz opened. A quiz's answer key travels separately, to staff only.</summary>
[GenerateSerializer, Immutable, Alias("PollOpened")]
public sealed record PollOpened(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("question")] string Question,
    [Id(2)] [property: JsonPropertyName("options")] IReadOnlyList<string> Options,
    [Id(3)] [property: JsonPropertyName("multipleChoice")] bool MultipleChoice,
    [Id(4)] [property: JsonPropertyName("isQuiz")] bool IsQuiz,
    [Id(5)] [property: JsonPropertyName("anonymous")] bool Anonymous,
    [Id(6)] [property: JsonPropertyName("closesAt")] DateTimeOffset? ClosesAt) : ClassroomEventData;

/// <summary>The answer key of a quiz (staff only until results are published).</summary>
[GenerateSerializer, Immutable, Alias("QuizAnswerKeySet")]
public sealed record QuizAnswerKeySet(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("correctOptions")] IReadOnlyList<int> CorrectOptions) : ClassroomEventData;

/// <summary>A student's vote, replacing any earlier one. Never sent to the class: tallies are.</summary>
[GenerateSerializer, Immutable, Alias("VoteCast")]
public sealed record VoteCast(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(2)] [property: JsonPropertyName("choices")] IReadOnlyList<int> Choices) : ClassroomEventData;

/// <summary>The live tally of an open poll, sent on a cadence rather than per vote.</summary>
[GenerateSerializer, Immutable, Alias("PollTallied")]
public sealed record PollTallied(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [Id(2)] [property: JsonPropertyName("voters")] int Voters) : ClassroomEventData;

/// <summary>A poll stopped taking votes, with its final tally.</summary>
[GenerateSerializer, Immutable, Alias("PollClosed")]
public sealed record PollClosed(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [Id(2)] [property: JsonPropertyName("voters")] int Voters) : ClassroomEventData;

/// <summary>The results, and a quiz's answer key, shown to everyone.</summary>
[GenerateSerializer, Immutable, Alias("PollResultsPublished")]
public sealed record PollResultsPublished(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [Id(2)] [property: JsonPropertyName("voters")] int Voters,
    [Id(3)] [property: JsonPropertyName("correctOptions")] IReadOnlyList<int>? CorrectOptions) : ClassroomEventData;
