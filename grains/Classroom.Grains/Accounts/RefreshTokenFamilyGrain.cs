using System.Security.Cryptography;
using System.Text;
using Classroom.Contracts.Accounts;

namespace Classroom.Grains.Accounts;

/// <summary>One sign-in's rotating refresh tokens, keyed by a random family id. An ended family is deleted from storage.</summary>
[GrainType("refresh-token-family")]
public sealed class RefreshTokenFamilyGrain([PersistentState("refresh")] IPersistentState<RefreshTokenFamilyState> state) : Grain, IRefreshTokenFamilyGrain
{
    public async Task StartAsync(string userId, string secretHash, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(secretHash);
        if (state.State.UserId is not null)
        {
            throw new InvalidOperationException("A refresh token family is started once.");
        }

        state.State.UserId = userId;
        state.State.SecretHash = secretHash;
        state.State.ExpiresAt = expiresAt;
        await state.WriteStateAsync();
    }

    public async Task<string?> RotateAsync(string presentedHash, string nextHash, DateTimeOffset now)
    {
        if (state.State is not { UserId: { } userId, SecretHash: { } current })
        {
            return null;
        }

        if (now >= state.State.ExpiresAt || !Same(presentedHash, current))
        {
            await RevokeAsync();
            return null;
        }

        state.State.SecretHash = nextHash;
        await state.WriteStateAsync();
        return userId;
    }

    public async Task RevokeAsync()
    {
        if (state.State.UserId is not null)
        {
            await state.ClearStateAsync();
            state.State = new RefreshTokenFamilyState();
        }

        DeactivateOnIdle();
    }

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
