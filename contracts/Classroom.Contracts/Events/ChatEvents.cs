using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Events;

// The events of one concept share a file: they are one-line records, and together they are that concept's vocabulary.

/// <summary>A chat message, already cleaned of control characters.</summary>
public sealed record ChatPosted(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("role")] ParticipantRole Role,
    [property: JsonPropertyName("text")] string Text) : ClassroomEventData;

/// <summary>Staff deleted a message.</summary>
public sealed record ChatDeleted(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Staff muted a student.</summary>
public sealed record StudentMuted(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>Staff unmuted a student.</summary>
public sealed record StudentUnmuted(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("by")] string By) : ClassroomEventData;

/// <summary>The minimum seconds between a student's messages; 0 turns slow mode off.</summary>
public sealed record SlowModeChanged([property: JsonPropertyName("seconds")] int Seconds) : ClassroomEventData;

/// <summary>Chat turned on or off for students.</summary>
public sealed record ChatEnabledChanged([property: JsonPropertyName("enabled")] bool Enabled) : ClassroomEventData;
