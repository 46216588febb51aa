using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>One connection of an authenticated user joining a classroom.</summary>
/// <param name="AsViewer">True to watch only, even for a student account.</param>
public sealed record JoinRequest(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("kind")] AccountKind Kind,
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("asViewer")] bool AsViewer = false);

/// <summary>The role the classroom gave a joining user, and the classroom as it is at <see cref="ClassroomSnapshot.Seq"/>.</summary>
public sealed record JoinResult(
    [property: JsonPropertyName("role")] ParticipantRole Role,
    [property: JsonPropertyName("snapshot")] ClassroomSnapshot Snapshot);
