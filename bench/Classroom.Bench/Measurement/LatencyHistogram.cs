using System.Diagnostics;

namespace Classroom.Bench.Measurement;

/// <summary>
/// A log-linear histogram of durations in Stopwatch ticks: 64 sub-buckets per power of two (under 1.6% error),
/// fixed size, no allocation per sample. One per worker; merged at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private readonly long[] _counts = new long[(64 - SubBucketBits + 1) * SubBuckets];

    public long Count { get; private set; }

    public void Record(long ticks)
    {
        _counts[Index(Math.Max(ticks, 0))]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The duration at quantile <paramref name="q"/> (0..1), in microseconds.</summary>
    public double QuantileMicros(double q)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return UpperBound(i) * 1_000_000.0 / Stopwatch.Frequency;
            }
        }

        return UpperBound(_counts.Length - 1) * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static int Index(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(value) - SubBucketBits + 1;
        var sub = (int)(value >> exponent) - SubBuckets / 2;
        return (exponent * SubBuckets / 2) + SubBuckets / 2 + sub;
    }

    private static long UpperBound(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var exponent = (index - SubBuckets / 2) / (SubBuckets / 2);
        var sub = (index - SubBuckets / 2) % (SubBuckets / 2);
        return ((long)(sub + SubBuckets / 2 + 1) << exponent) - 1;
    }
}
