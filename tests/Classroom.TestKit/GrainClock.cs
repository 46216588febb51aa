using Microsoft.Extensions.Time.Testing;

namespace Classroom.TestKit;

/// <summary>
/// The clock of a test cluster's grains (Orleans' <c>TimeProviderNames.Grains</c>): wall-clock time from a
/// <see cref="FakeTimeProvider"/>, and timers this clock fires itself, one timer instant at a time, waiting until each
/// tick has run before moving on (<see cref="AdvanceAsync"/>). Orleans' grain timers fire once and re-arm
/// (<c>Change</c>) when their callback completes: a timer is busy from firing until it is re-armed or disposed.
/// </summary>
public sealed class GrainClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<TrackedTimer> _timers = [];
    private TaskCompletionSource? _settled;
    private int _busy;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    /// <inheritdoc />
    /// <remarks>
    /// Real: Orleans reads the grain clock's timestamps while it schedules an activation's requests, and with the
    /// fake's stopped timestamps a reentrant grain's requests stopped interleaving (a burst of 1,000 votes took 1,000
    /// appends instead of a handful). Only wall-clock time and timers are the test's to move.
    /// </remarks>
    public override long GetTimestamp() => System.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => System.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="delta"/>, stopping at every instant a timer is due: the timer fires
    /// and its tick runs to completion (whatever it awaits) before the clock moves on.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        var target = GetUtcNow() + delta;
        await WhenSettledAsync();
        var steps = 0;
        while (NextDue(target) is { } next)
        {
            if (++steps > 1_000_000)
            {
                string stuck;
                lock (_lock)
                {
                    stuck = string.Join("; ", _timers.Where(t => t.Due <= target).Select(t => $"due {t.Due:O} period {t.Period} busy {t.Busy}"));
                }

                throw new InvalidOperationException($"Advancing the grain clock from {GetUtcNow():O} to {target:O} took over a million timer instants: {stuck}.");
            }

            if (next > GetUtcNow())
            {
                _fake.SetUtcNow(next);
            }

            foreach (var timer in DueNow())
            {
                timer.Fire();
            }

            await WhenSettledAsync();
        }

        if (GetUtcNow() < target)
        {
            _fake.SetUtcNow(target);
            await WhenSettledAsync();
        }
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="delta"/>, firing every timer due on the way in due order, each seeing
    /// the clock at its due time, without waiting for what the callbacks start (for timers outside grains).
    /// </summary>
    public void Advance(TimeSpan delta)
    {
        var target = GetUtcNow() + delta;
        while (NextDue(target) is { } next)
        {
            if (next > GetUtcNow())
            {
                _fake.SetUtcNow(next);
            }

            foreach (var timer in DueNow())
            {
                timer.Fire();
            }
        }

        if (GetUtcNow() < target)
        {
            _fake.SetUtcNow(target);
        }
    }

    /// <summary>Completes when no timer tick is running.</summary>
    public Task WhenSettledAsync()
    {
        lock (_lock)
        {
            if (_busy == 0)
            {
                return Task.CompletedTask;
            }

            _settled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return Settle(_settled.Task, _busy);
        }

        static async Task Settle(Task settled, int busy)
        {
            try
            {
                await settled.WaitAsync(TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{busy} grain timer tick(s) fired and did not finish within 20 s.");
            }
        }
    }

    private List<TrackedTimer> DueNow()
    {
        lock (_lock)
        {
            var now = GetUtcNow();
            return _timers.Where(t => t.Due <= now).OrderBy(t => t.Due).ToList();
        }
    }

    private DateTimeOffset? NextDue(DateTimeOffset target)
    {
        lock (_lock)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _timers)
            {
                if (timer.Due is { } due && due <= target && (next is null || due < next))
                {
                    next = due;
                }
            }

            return next;
        }
    }

    private void SetBusy(TrackedTimer timer, bool busy)
    {
        TaskCompletionSource? settled = null;
        lock (_lock)
        {
            if (timer.Busy == busy)
            {
                return;
            }

            timer.Busy = busy;
            _busy += busy ? 1 : -1;
            if (_busy == 0)
            {
                (settled, _settled) = (_settled, null);
            }
        }

        settled?.TrySetResult();
    }

    private sealed class TrackedTimer(GrainClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; private set; }

        public bool Busy { get; set; }

        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public TimeSpan Period => _period;

        public void Fire()
        {
            lock (clock._lock)
            {
                Due = _period == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + _period;
            }

            clock.SetBusy(this, true);
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._lock)
            {
                _period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            }

            clock.SetBusy(this, false);
            return true;
        }

        public void Dispose()
        {
            lock (clock._lock)
            {
                Due = null;
                clock._timers.Remove(this);
            }

            clock.SetBusy(this, false);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
