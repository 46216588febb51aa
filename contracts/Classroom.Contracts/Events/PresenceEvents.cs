using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A connection of a participant joined; <see cref="FirstConnection"/> when the participant became present.</summary>
[GenerateSerializer, Immutable, Alias("ParticipantJoined")]
public sealed record ParticipantJoined(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("displayName")] string DisplayName,
    [Id(2)] [property: JsonPropertyName("role")] ParticipantRole Role,
    [Id(3)] [property: JsonPropertyName("connectionId")] string ConnectionId,
    [Id(4)] [property: JsonPropertyName("firstConnection")] bool FirstConnection) : ClassroomEventData;

/// <summary>A connection of a participant left; <see cref="LastConnection"/> when the participant is no longer present.</summary>
[GenerateSerializer, Immutable, Alias("ParticipantLeft")]
public sealed record ParticipantLeft(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("connectionId")] string ConnectionId,
    [Id(2)] [property: JsonPropertyName("lastConnection")] bool LastConnection) : ClassroomEventData;

/// <summary>How many are present, sent at most once a second instead of individual joins in large classes.</summary>
[GenerateSerializer, Immutable, Alias("PresenceCounted")]
public sealed record PresenceCounted(
    [Id(0)] [property: JsonPropertyName("present")] int Present,
    [Id(1)] [property: JsonPropertyName("students")] int Students,
    [Id(2)] [property: JsonPropertyName("viewers")] int Viewers) : ClassroomEventData;
