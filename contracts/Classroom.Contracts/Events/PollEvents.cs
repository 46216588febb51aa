using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A poll or quiz opened. A quiz's answer key travels separately, to staff only.</summary>
public sealed record PollOpened(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("options")] IReadOnlyList<string> Options,
    [property: JsonPropertyName("multipleChoice")] bool MultipleChoice,
    [property: JsonPropertyName("isQuiz")] bool IsQuiz,
    [property: JsonPropertyName("anonymous")] bool Anonymous,
    [property: JsonPropertyName("closesAt")] DateTimeOffset? ClosesAt) : ClassroomEventData;

/// <summary>The answer key of a quiz (staff only until results are published).</summary>
public sealed record QuizAnswerKeySet(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("correctOptions")] IReadOnlyList<int> CorrectOptions) : ClassroomEventData;

/// <summary>A student's vote, replacing any earlier one. Never sent to the class: tallies are.</summary>
public sealed record VoteCast(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("studentId")] string StudentId,
    [property: JsonPropertyName("choices")] IReadOnlyList<int> Choices) : ClassroomEventData;

/// <summary>The live tally of an open poll, sent on a cadence rather than per vote.</summary>
public sealed record PollTallied(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [property: JsonPropertyName("voters")] int Voters) : ClassroomEventData;

/// <summary>A poll stopped taking votes, with its final tally.</summary>
public sealed record PollClosed(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [property: JsonPropertyName("voters")] int Voters) : ClassroomEventData;

/// <summary>The results, and a quiz's answer key, shown to everyone.</summary>
public sealed record PollResultsPublished(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("counts")] IReadOnlyList<int> Counts,
    [property: JsonPropertyName("voters")] int Voters,
    [property: JsonPropertyName("correctOptions")] IReadOnlyList<int>? CorrectOptions) : ClassroomEventData;
