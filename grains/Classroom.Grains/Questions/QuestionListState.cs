using System.Text.Json.Serialization;
using Classroom.Contracts.Questions;

namespace Classroom.Grains.Questions;

/// <summary>The entries of a question list, by question id.</summary>
public sealed class QuestionListState
{
    [JsonPropertyName("entries")]
    public Dictionary<string, QuestionSummary> Entries { get; set; } = new(StringComparer.Ordinal);
}
