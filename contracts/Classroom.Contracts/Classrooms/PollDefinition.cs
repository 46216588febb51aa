using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>A poll or quiz as its teacher creates it.</summary>
/// <param name="CorrectOptions">For a quiz, the indexes of the right options; hidden from students until results are published.</param>
/// <param name="AutoCloseSeconds">Closes the poll by itself this many seconds after it opens.</param>
public sealed record PollDefinition(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("options")] IReadOnlyList<string> Options,
    [property: JsonPropertyName("multipleChoice")] bool MultipleChoice = false,
    [property: JsonPropertyName("correctOptions")] IReadOnlyList<int>? CorrectOptions = null,
    [property: JsonPropertyName("anonymous")] bool Anonymous = false,
    [property: JsonPropertyName("autoCloseSeconds")] int? AutoCloseSeconds = null);

/// <summary>A poll's results as rows ready for CSV: the first row is the header.</summary>
public sealed record PollExport(
    [property: JsonPropertyName("pollId")] string PollId,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("rows")] IReadOnlyList<IReadOnlyList<string>> Rows);
