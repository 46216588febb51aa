using System.Text.Json.Serialization;

namespace Classroom.Grains.Accounts;

/// <summary>What a refresh token family stores: whose it is, the hash of its current secret, and when it ends.</summary>
public sealed class RefreshTokenFamilyState
{
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    [JsonPropertyName("secretHash")]
    public string? SecretHash { get; set; }

    [JsonPropertyName("expiresAt")]
    public DateTimeOffset ExpiresAt { get; set; }
}
