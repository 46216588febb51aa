using System.Text.Json.Serialization;

namespace Classroom.Contracts.Questions;

/// <summary>Where a question stands: waiting for an answer, answered, an answer adopted, or closed by its author.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuestionStatus>))]
public enum QuestionStatus
{
    /// <summary>No answer yet.</summary>
    [JsonStringEnumMemberName("open")] Open,
    /// <summary>At least one answer, none adopted.</summary>
    [JsonStringEnumMemberName("answered")] Answered,
    /// <summary>The author adopted an answer.</summary>
    [JsonStringEnumMemberName("adopted")] Adopted,
    /// <summary>Closed by its author or an administrator: no more answers.</summary>
    [JsonStringEnumMemberName("closed")] Closed,
}
