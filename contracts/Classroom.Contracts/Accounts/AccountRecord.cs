using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Accounts;

/// <summary>
/// A user account as stored: the user id is the normalized user name. The password is kept only as a hash made by
/// the host (ASP.NET Core Identity's password hasher); grains never see a password.
/// </summary>
[GenerateSerializer, Immutable, Alias("AccountRecord")]
public sealed record AccountRecord(
    [Id(0)] [property: JsonPropertyName("userId")] string UserId,
    [Id(1)] [property: JsonPropertyName("displayName")] string DisplayName,
    [Id(2)] [property: JsonPropertyName("kind")] AccountKind Kind,
    [Id(3)] [property: JsonPropertyName("passwordHash")] string PasswordHash,
    [Id(4)] [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);
