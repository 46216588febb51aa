using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Classroom.Bench.Measurement;

/// <summary>
/// The CPU time the calling thread has run, in Stopwatch ticks. On a machine shared with other work, wall time also
/// counts the time a thread waited for a core; this does not. Zero where the system does not say (not Linux).
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static long Now()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ClockThreadCpuTime, out var time) != 0)
        {
            return 0;
        }

        return (long)((time.Seconds * 1_000_000_000 + time.Nanoseconds) * (Stopwatch.Frequency / 1e9));
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
