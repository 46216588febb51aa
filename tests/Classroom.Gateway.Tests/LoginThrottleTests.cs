using Classroom.Gateway.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Classroom.Gateway.Tests;

/// <summary>The sign-in throttle on its own, on a fake clock.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.FromHours(8)));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(Options.Create(new LoginThrottleOptions()), _clock);

    [Fact]
    public void Five_failures_are_free_and_the_sixth_locks_the_account_for_fifteen_seconds()
    {
        Fail("li.ming", "10.0.0.1", 5);
        var afterFive = _throttle.RetryAfter("li.ming", "10.0.0.1");
        Fail("li.ming", "10.0.0.1", 1);

        Assert.Equal(TimeSpan.Zero, afterFive);
        Assert.Equal(TimeSpan.FromSeconds(15), _throttle.RetryAfter("li.ming", "10.0.0.2"));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("wang.fang", "10.0.0.2"));
    }

    [Fact]
    public void Each_further_failure_doubles_the_lockout_up_to_fifteen_minutes_and_the_window_always_ends()
    {
        var lockouts = new List<TimeSpan>();
        Fail("li.ming", null, 5);
        for (var i = 0; i < 10; i++)
        {
            Fail("li.ming", null, 1);
            lockouts.Add(_throttle.RetryAfter("li.ming", null));
            _clock.Advance(lockouts[^1]);
        }

        Assert.Equal([15, 30, 60, 120, 240, 480, 900, 900, 900, 900], lockouts.Select(l => (int)l.TotalSeconds));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("li.ming", null));
    }

    [Fact]
    public void A_successful_sign_in_clears_the_accounts_failures()
    {
        Fail("li.ming", null, 5);
        _throttle.Succeeded("li.ming");
        Fail("li.ming", null, 5);

        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("li.ming", null));
    }

    [Fact]
    public void One_address_guessing_many_accounts_is_locked_after_thirty_failures()
    {
        for (var i = 0; i < 30; i++)
        {
            Fail($"student{i}", "10.0.0.9", 1);
        }

        var afterThirty = _throttle.RetryAfter("student99", "10.0.0.9");
        Fail("student30", "10.0.0.9", 1);

        Assert.Equal(TimeSpan.Zero, afterThirty);
        Assert.Equal(TimeSpan.FromSeconds(15), _throttle.RetryAfter("student99", "10.0.0.9"));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("student99", "10.0.0.8"));
    }

    [Fact]
    public void Failures_an_hour_old_are_forgotten()
    {
        Fail("li.ming", null, 5);
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Fail("li.ming", null, 5);

        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter("li.ming", null));
    }

    private void Fail(string userId, string? address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.Failed(userId, address);
        }
    }
}
