using System.Collections.Concurrent;
using Classroom.Contracts.Accounts;
using Classroom.Contracts.Classrooms;

namespace Classroom.Gateway.Accounts;

/// <summary>
/// Whether a token's account exists in this deployment (asked of its account grain), so a correctly signed token for
/// an account this deployment does not have is refused. Answers "yes" are kept for a short while: tokens are checked on
/// every request and connection, and accounts are never deleted.
/// </summary>
public sealed class AccountExistence(IClusterClient client, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;
    // Keyed by kind and id: a token claiming another kind than the account's is never answered from here.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);

    /// <summary>True if <paramref name="user"/> is a guest (guests have no account) or an account of this deployment.</summary>
    public async ValueTask<bool> ExistsAsync(CurrentUser user)
    {
        if (user.Kind == AccountKind.Guest && GuestIds.IsGuest(user.UserId))
        {
            return true;
        }

        var now = time.GetUtcNow();
        var key = $"{user.Kind}:{user.UserId}";
        if (_known.TryGetValue(key, out var until) && until > now)
        {
            return true;
        }

        if (await client.GetGrain<IAccountGrain>(user.UserId).GetAsync() is not { } account || account.Kind != user.Kind)
        {
            return false;
        }

        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        _known[key] = now + Remember;
        return true;
    }
}
