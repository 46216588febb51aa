using System.Buffers.Text;
using System.Diagnostics;

namespace Classroom.Bench.Fanout;

/// <summary>
/// The teacher drawing without pause, as the board benchmark drives it: pen strokes of 2 s, their points sent every
/// 40 ms as a page does (each extension 4 points), and the laser pointer 16 times a second. An extension's first point
/// carries the time it was sent, in milliseconds since this process started (x = ms / 10,000, y = ms % 10,000: both
/// valid page coordinates), so a viewer reads the latency from the event itself, as chat messages carry theirs.
/// </summary>
internal static class BoardLoad
{
    private const int ExtensionsPerStroke = 50;
    private static readonly long Origin = Stopwatch.GetTimestamp();

    /// <summary>Draws for <paramref name="duration"/> at <paramref name="rate"/> extensions a second; returns how many were sent.</summary>
    public static async Task<int> DriveAsync(BenchViewer teacher, string classroomId, int rate, TimeSpan duration, int round)
    {
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        var strokes = 0;
        string? stroke = null;
        for (var step = 0; Stopwatch.GetElapsedTime(start) < duration; step++)
        {
            var wait = (interval * step) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (stroke is null)
            {
                stroke = $"r{round}s{++strokes}";
                await teacher.SendAsync(Invocation("StartStroke", $"\"{classroomId}\",{{\"strokeId\":\"{stroke}\",\"pageId\":\"p1\",\"tool\":\"pen\",\"color\":\"#1f2937\",\"width\":30,\"points\":[5000,5000]}}"));
            }

            var millis = (long)Stopwatch.GetElapsedTime(Origin).TotalMilliseconds;
            var x = 1000 + (step % 80 * 100);
            await teacher.SendAsync(Invocation("ExtendStroke", $"\"{classroomId}\",\"{stroke}\",[{millis / 10_000},{millis % 10_000},{x},{x},{x + 20},{x},{x + 40},{x}]"));
            sent++;
            if (step % 4 == 0)
            {
                await teacher.SendAsync(Invocation("MovePointer", $"\"{classroomId}\",\"p1\",{x},{x}"));
            }

            if (sent % ExtensionsPerStroke == 0)
            {
                await teacher.SendAsync(Invocation("EndStroke", $"\"{classroomId}\",\"{stroke}\",[]"));
                stroke = null;
                if (strokes % 500 == 0)
                {
                    await teacher.SendAsync(Invocation("ClearBoardPage", $"\"{classroomId}\",\"p1\""));
                }
            }
        }

        if (stroke is not null)
        {
            await teacher.SendAsync(Invocation("EndStroke", $"\"{classroomId}\",\"{stroke}\",[]"));
        }

        return sent;
    }

    /// <summary>The send time (Stopwatch ticks) an extension carries in its first point, read at <paramref name="at"/> of <paramref name="body"/>.</summary>
    public static long? SentAt(ReadOnlySpan<byte> body, int at)
    {
        if (at < 0 || !Utf8Parser.TryParse(body[at..], out long high, out var length) || body[at + length] != (byte)','
            || !Utf8Parser.TryParse(body[(at + length + 1)..], out long low, out _))
        {
            return null;
        }

        return Origin + ((high * 10_000) + low) * Stopwatch.Frequency / 1000;
    }

    private static string Invocation(string method, string arguments) =>
        $"{{\"type\":1,\"target\":\"{method}\",\"arguments\":[{arguments}]}}\u001e";
}
