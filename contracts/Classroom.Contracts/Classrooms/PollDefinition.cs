using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>A poll or quiz as its teacher creates it.</summary>
/// <param name="CorrectOptions">For a quiz, the indexes of the right options; hidden from students until results are published.</param>
/// <param name="AutoCloseSeconds">Closes the poll by itself this many seconds after it opens.</param>
[GenerateSerializer, Immutable, Alias("PollDefinition")]
public sealed record PollDefinition(
    [Id(0)] [property: JsonPropertyName("question")] string Question,
    [Id(1)] [property: JsonPropertyName("options")] IReadOnlyList<string> Options,
    [Id(2)] [property: JsonPropertyName("multipleChoice")] bool MultipleChoice = false,
    [Id(3)] [property: JsonPropertyName("correctOptions")] IReadOnlyList<int>? CorrectOptions = null,
    [Id(4)] [property: JsonPropertyName("anonymous")] bool Anonymous = false,
    [Id(5)] [property: JsonPropertyName("autoCloseSeconds")] int? AutoCloseSeconds = null);

/// <summary>A poll's results as rows ready for CSV: the first row is the header.</summary>
[GenerateSerializer, Immutable, Alias("PollExport")]
public sealed record PollExport(
    [Id(0)] [property: JsonPropertyName("pollId")] string PollId,
    [Id(1)] [property: JsonPropertyName("question")] string Question,
    [Id(2)] [property: JsonPropertyName("rows")] IReadOnlyList<IReadOnlyList<string>> Rows);
