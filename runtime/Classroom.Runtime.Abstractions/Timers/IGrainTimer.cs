namespace Classroom.Runtime.Timers;

/// <summary>A timer whose callbacks run as turns of its grain. Disposed with the activation.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period (<see cref="Timeout.InfiniteTimeSpan"/>: once).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

/// <summary>How a grain timer fires.</summary>
/// <param name="DueTime">Delay before the first callback.</param>
/// <param name="Period">Delay between the end of one callback and the next; <see cref="Timeout.InfiniteTimeSpan"/> fires once.</param>
/// <param name="Interleave">True lets callbacks interleave with calls at await points.</param>
/// <param name="KeepAlive">True makes each callback count as activity, so the activation is not collected while the timer runs.</param>
public sealed record GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period, bool Interleave = false, bool KeepAlive = false);
