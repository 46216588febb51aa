using System.Security.Cryptography;
using System.Text;
using Classroom.Contracts.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Classroom.Gateway.Accounts;

/// <summary>
/// Rotating refresh tokens: <c>family.secret</c>, both random. A family (<see cref="IRefreshTokenFamilyGrain"/>, so every
/// gateway of a cluster sees the same) lasts <see cref="GatewayOptions.RefreshTokenLifetime"/> from sign-in; each use
/// gives a new secret and retires the old one, and reusing a retired one ends the family.
/// </summary>
public sealed class RefreshTokens(IClusterClient client, IOptions<GatewayOptions> options, TimeProvider time)
{
    /// <summary>A new family for <paramref name="userId"/>: its first token.</summary>
    public async Task<string> StartAsync(string userId)
    {
        var family = Random();
        var secret = Random();
        await client.GetGrain<IRefreshTokenFamilyGrain>(family).StartAsync(userId, Hash(secret), time.GetUtcNow() + options.Value.RefreshTokenLifetime);
        return $"{family}.{secret}";
    }

    /// <summary>The user and the family's next token, if <paramref name="token"/> is its current one; null otherwise (and the family has ended).</summary>
    public async Task<(string UserId, string Next)?> RotateAsync(string? token)
    {
        if (Split(token) is not var (family, secret))
        {
            return null;
        }

        var next = Random();
        return await client.GetGrain<IRefreshTokenFamilyGrain>(family).RotateAsync(Hash(secret), Hash(next), time.GetUtcNow()) is { } userId
            ? (userId, $"{family}.{next}")
            : null;
    }

    /// <summary>Ends the family of <paramref name="token"/> (sign-out).</summary>
    public async Task RevokeAsync(string? token)
    {
        if (Split(token) is var (family, _))
        {
            await client.GetGrain<IRefreshTokenFamilyGrain>(family).RevokeAsync();
        }
    }

    private static (string Family, string Secret)? Split(string? token) =>
        token?.Split('.') is [{ Length: 43 } family, { Length: 43 } secret] ? (family, secret) : null;

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
