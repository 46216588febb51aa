using System.Collections.Concurrent;

namespace Classroom.Gateway.Media;

/// <summary>
/// How far behind the live edge this gateway's viewers of each lesson are, as their players report it (every few
/// seconds, over the hub): the latest report of each connection, forgotten after <see cref="ReportLifetime"/>. Staff
/// read a summary. Kept in the gateway's memory: with several gateways, the teacher's shows the viewers connected to it,
/// a sample of the class (docs/media.md).
/// </summary>
public sealed class MediaLagBoard(TimeProvider time)
{
    /// <summary>A report older than this no longer counts: the player stopped, or its page closed.</summary>
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromSeconds(15);

    /// <summary>The longest delay a player may report, in seconds.</summary>
    public const int MaxLagSeconds = 3_600;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (long LagMillis, long At)>> _lessons = new(StringComparer.Ordinal);

    public void Report(string classroomId, string connectionId, long lagMillis) =>
        _lessons.GetOrAdd(classroomId, static _ => new(StringComparer.Ordinal))[connectionId] = (lagMillis, time.GetTimestamp());

    /// <summary>Forgets a connection's reports (it closed).</summary>
    public void Forget(string connectionId)
    {
        foreach (var (classroomId, reports) in _lessons)
        {
            if (reports.TryRemove(connectionId, out _) && reports.IsEmpty)
            {
                _lessons.TryRemove(KeyValuePair.Create(classroomId, reports));
            }
        }
    }

    /// <summary>The current reports of a lesson's viewers: how many, the median, the 90th percentile and the most, in milliseconds.</summary>
    public MediaLag Summary(string classroomId)
    {
        if (!_lessons.TryGetValue(classroomId, out var reports))
        {
            return new MediaLag(0, 0, 0, 0);
        }

        var lags = new List<long>();
        foreach (var (connectionId, report) in reports)
        {
            if (time.GetElapsedTime(report.At) <= ReportLifetime)
            {
                lags.Add(report.LagMillis);
            }
            else
            {
                reports.TryRemove(KeyValuePair.Create(connectionId, report));
            }
        }

        if (lags.Count == 0)
        {
            return new MediaLag(0, 0, 0, 0);
        }

        lags.Sort();
        return new MediaLag(lags.Count, At(lags, 0.5), At(lags, 0.9), lags[^1]);
    }

    private static long At(List<long> sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Count) - 1];
}

/// <summary>How far behind the viewers reporting are: their number, the median, the 90th percentile and the most, in milliseconds.</summary>
public sealed record MediaLag(int Viewers, long MedianMillis, long P90Millis, long MaxMillis);
