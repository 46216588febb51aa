namespace Classroom.TestKit;

/// <summary>
/// The real clock, which a test can move forward: timers and timestamps are the system's, so a host keeps running in
/// real time, while the wall-clock time (event times, replay timelines) is the system's plus what the test added.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _shiftTicks));

    /// <summary>Moves the wall clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}
