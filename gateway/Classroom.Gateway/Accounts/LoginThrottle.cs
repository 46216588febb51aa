using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Accounts;

/// <summary>
/// Slows down password guessing: counts failed sign-ins per account and per client address and, past the free ones,
/// locks further attempts for a window that doubles with each failure up to <see cref="LoginThrottleOptions.MaxLockout"/>,
/// so the real owner is never locked out for good. A successful sign-in clears the account's count.
/// </summary>
/// <remarks>
/// Kept in the gateway's memory: in a cluster each gateway throttles on its own (a guesser spread over N gateways gets
/// N times the attempts, still a handful a minute). Time is the injected clock, so tests move it instead of waiting.
/// </remarks>
public sealed class LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long until <paramref name="userId"/> may try again from <paramref name="address"/>; zero when now.</summary>
    public TimeSpan RetryAfter(string userId, string? address)
    {
        var now = time.GetUtcNow();
        var wait = Wait(AccountKey(userId), now);
        return address is null ? wait : Max(wait, Wait(AddressKey(address), now));
    }

    /// <summary>Records a failed sign-in to <paramref name="userId"/> from <paramref name="address"/>.</summary>
    public void Failed(string userId, string? address)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        Count(AccountKey(userId), o.AccountFreeFailures, now);
        if (address is not null)
        {
            Count(AddressKey(address), o.AddressFreeFailures, now);
        }

        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }
    }

    /// <summary>The owner signed in: the account's failures are forgotten (the address's are not: one account's success says nothing of the others).</summary>
    public void Succeeded(string userId) => _failures.TryRemove(AccountKey(userId), out _);

    private TimeSpan Wait(string key, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var failures) && failures.LockedUntil > now ? failures.LockedUntil - now : TimeSpan.Zero;

    private void Count(string key, int free, DateTimeOffset now)
    {
        var o = options.Value;
        _failures.AddOrUpdate(
            key,
            static (_, state) => Next(new Failures(0, state.now, DateTimeOffset.MinValue), state.free, state.now, state.o),
            static (_, previous, state) => Next(
                state.now - previous.Last > state.o.ForgetAfter ? new Failures(0, state.now, DateTimeOffset.MinValue) : previous, state.free, state.now, state.o),
            (free, now, o));
    }

    private static Failures Next(Failures previous, int free, DateTimeOffset now, LoginThrottleOptions o)
    {
        var count = previous.Count + 1;
        if (count <= free)
        {
            return new Failures(count, now, previous.LockedUntil);
        }

        // 2^(beyond free - 1) windows, computed in ticks and capped before it could overflow.
        var doublings = Math.Min(count - free - 1, 30);
        var lockout = TimeSpan.FromTicks(Math.Min(o.FirstLockout.Ticks * (1L << doublings), o.MaxLockout.Ticks));
        return new Failures(count, now, now + lockout);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.LockedUntil <= now && now - failures.Last > options.Value.ForgetAfter)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string AccountKey(string userId) => $"account:{userId}";

    private static string AddressKey(string address) => $"address:{address}";

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
