using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A student raised a hand; hands are queued in order.</summary>
public sealed record HandRaised([property: JsonPropertyName("studentId")] string StudentId) : ClassroomEventData;

/// <summary>A hand went down, by its student or by staff.</summary>
public sealed record HandLowered(
    [property: JsonPropertyName("studentId")] string StudentId,
    [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Staff invited a student on stage.</summary>
public sealed record StageInvited(
    [property: JsonPropertyName("studentId")] string StudentId,
    [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>A student left the stage, by themselves or removed by staff.</summary>
public sealed record StageLeft(
    [property: JsonPropertyName("studentId")] string StudentId,
    [property: JsonPropertyName("by")] string By) : ClassroomEventData;
