using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A chat message, already cleaned of control characters.</summary>
[GenerateSerializer, Immutable, Alias("ChatPosted")]
public sealed record ChatPosted(
    [Id(0)] [property: JsonPropertyName("messageId")] string MessageId,
    [Id(1)] [property: JsonPropertyName("userId")] string UserId,
    [Id(2)] [property: JsonPropertyName("displayName")] string DisplayName,
    [Id(3)] [property: JsonPropertyName("role")] ParticipantRole Role,
    [Id(4)] [property: JsonPropertyName("text")] string Text) : ClassroomEventData;

/// <summary>Staff deleted a message.</summary>
[GenerateSerializer, Immutable, Alias("ChatDeleted")]
public sealed record ChatDeleted(
    [Id(0)] [property: JsonPropertyName("messageId")] string MessageId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Staff muted a student.</summary>
[GenerateSerializer, Immutable, Alias("StudentMuted")]
public sealed record StudentMuted(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Staff unmuted a student.</summary>
[GenerateSerializer, Immutable, Alias("StudentUnmuted")]
public sealed record StudentUnmuted(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>The minimum seconds between a student's messages; 0 turns slow mode off.</summary>
[GenerateSerializer, Immutable, Alias("SlowModeChanged")]
public sealed record SlowModeChanged([Id(0)] [property: JsonPropertyName("seconds")] int Seconds) : ClassroomEventData;

/// <summary>Chat turned on or off for students.</summary>
[GenerateSerializer, Immutable, Alias("ChatEnabledChanged")]
public sealed record ChatEnabledChanged([Id(0)] [property: JsonPropertyName("enabled")] bool Enabled) : ClassroomEventData;
