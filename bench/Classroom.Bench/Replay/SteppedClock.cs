namespace Classroom.Bench.Replay;

/// <summary>
/// A clock the benchmark moves by hand, so three hours of lesson are recorded in seconds. Timers still run on real time
/// (the classroom's cadences only need to fire; when they do, they see this clock).
/// </summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan delta) => Interlocked.Add(ref _ticks, delta.Ticks);
}
