using System.Text.Json.Serialization;

namespace Classroom.Contracts.Classrooms;

/// <summary>One connection of an authenticated user joining a classroom.</summary>
/// <param name="AsViewer">True to watch only, even for a student account.</param>
[GenerateSerializer, Immutable, Alias("JoinRequest")]
public sealed record JoinRequest(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("displayName")] string DisplayName,
    [Id(2)] [property: JsonPropertyName("kind")] AccountKind Kind,
    [Id(3)] [property: JsonPropertyName("connectionId")] string ConnectionId,
    [Id(4)] [property: JsonPropertyName("asViewer")] bool AsViewer = false);

/// <summary>The role the classroom gave a joining user, and the classroom as it is at <see cref="ClassroomSnapshot.Seq"/>.</summary>
[GenerateSerializer, Immutable, Alias("JoinResult")]
public sealed record JoinResult(
    [Id(0)] [property: JsonPropertyName("role")] ParticipantRole Role,
    [Id(1)] [property: JsonPropertyName("snapshot")] ClassroomSnapshot Snapshot);
