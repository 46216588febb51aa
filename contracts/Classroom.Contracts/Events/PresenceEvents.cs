using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A connection of a participant joined; <see cref="FirstConnection"/> when the participant became present.</summary>
public sealed record ParticipantJoined(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("role")] ParticipantRole Role,
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("firstConnection")] bool FirstConnection) : ClassroomEventData;

/// <summary>A connection of a participant left; <see cref="LastConnection"/> when the participant is no longer present.</summary>
public sealed record ParticipantLeft(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("lastConnection")] bool LastConnection) : ClassroomEventData;

/// <summary>How many are present, sent at most once a second instead of individual joins in large classes.</summary>
public sealed record PresenceCounted(
    [property: JsonPropertyName("present")] int Present,
    [property: JsonPropertyName("students")] int Students,
    [property: JsonPropertyName("viewers")] int Viewers) : ClassroomEventData;
