using System.Text.Json.Serialization;
using Classroom.Contracts.Classrooms;

namespace Classroom.Contracts.Accounts;

/// <summary>
/// A user account as stored: the user id is the normalized user name. The password is kept only as a hash made by
/// the host (ASP.NET Core Identity's password hasher); grains never see a password.
/// </summary>
public sealed record AccountRecord(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("kind")] AccountKind Kind,
    [property: JsonPropertyName("passwordHash")] string PasswordHash,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt);
