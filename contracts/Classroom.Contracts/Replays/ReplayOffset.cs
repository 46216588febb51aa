namespace Classroom.Contracts.Replays;

/// <summary>Offsets into a replay, in whole milliseconds from the lesson's start, computed the same way everywhere.</summary>
public static class ReplayOffset
{
    /// <summary>
    /// Rounded up: events carry sub-millisecond times, and seeking to a chapter or to the end must include the event
    /// that made it (the state at t folds the events at or before t).
    /// </summary>
    public static long Millis(TimeSpan sinceStart) => (long)Math.Ceiling(sinceStart.TotalMilliseconds);
}
