using System.Text.Json.Serialization;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A student raised a hand; hands are queued in order.</summary>
[GenerateSerializer, Immutable, Alias("HandRaised")]
public sealed record HandRaised([Id(0)] [property: JsonPropertyName("studentId")] string StudentId) : ClassroomEventData;

/// <summary>A hand went down, by its student or by staff.</summary>
[GenerateSerializer, Immutable, Alias("HandLowered")]
public sealed record HandLowered(
    [Id(0)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Staff invited a student on stage.</summary>
[GenerateSerializer, Immutable, Alias("StageInvited")]
public sealed record StageInvited(
    [Id(0)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>A student left the stage, by themselves or removed by staff.</summary>
[GenerateSerializer, Immutable, Alias("StageLeft")]
public sealed record StageLeft(
    [Id(0)] [property: JsonPropertyName("studentId")] string StudentId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;
