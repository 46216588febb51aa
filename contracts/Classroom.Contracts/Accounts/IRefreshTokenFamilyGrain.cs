namespace Classroom.Contracts.Accounts;

/// <summary>
/// One sign-in's chain of refresh tokens (key: a random family id). Only the hash of the current token's secret is
/// kept: each use replaces it (rotation), and presenting any other secret (an old one being reused, so one of the two
/// holders is a thief) ends the whole family, as does signing out.
/// </summary>
[Alias("IRefreshTokenFamilyGrain")]
public interface IRefreshTokenFamilyGrain : IGrainWithStringKey
{
    /// <summary>Starts the family for <paramref name="userId"/> with its first secret; it ends at <paramref name="expiresAt"/> whatever happens.</summary>
    [Alias("StartAsync")]
    Task StartAsync(string userId, string secretHash, DateTimeOffset expiresAt);

    /// <summary>
    /// If <paramref name="presentedHash"/> is the current secret's and the family has not ended by <paramref name="now"/>:
    /// makes <paramref name="nextHash"/> current and returns the user id. Otherwise returns null, and ends the family.
    /// </summary>
    [Alias("RotateAsync")]
    Task<string?> RotateAsync(string presentedHash, string nextHash, DateTimeOffset now);

    /// <summary>Ends the family (sign-out): none of its tokens works any more.</summary>
    [Alias("RevokeAsync")]
    Task RevokeAsync();
}
