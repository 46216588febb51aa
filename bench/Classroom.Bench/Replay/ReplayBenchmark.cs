using System.Diagnostics;
using System.Text.Json;
using Classroom.Bench.Measurement;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Replays;
using Classroom.Grains.Replays;
using Classroom.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Classroom.Bench.Replay;

/// <summary>
/// Records a three-hour lesson of about 200,000 events through the classroom grain into SQLite (students joining,
/// chatting, voting in a poll every few minutes, hands, markers), ends it, restarts the silo, then seeks its replay to
/// random moments. The first call to the replay folds the whole log and writes its checkpoints; it is reported apart.
/// </summary>
internal static class ReplayBenchmark
{
    private const string Teacher = "bench-teacher";
    private const string LessonId = "saturday-algebra";

    // Seeks before measuring, so the JIT has optimized the paths a running server would have warm.
    private const int Warmup = 200;
    private static readonly TimeSpan LessonLength = TimeSpan.FromHours(3);

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var targetEvents = options.Int("events", 200_000, min: 10_000, max: 2_000_000);
        var seeks = options.Int("seeks", 1000, max: 100_000);
        var studentCount = options.Int("students", 2000, max: 50_000);
        var checkpointEvery = options.Int("checkpoint-every", new ReplayOptions().CheckpointEvery, max: 1_000_000);
        var directory = Directory.CreateTempSubdirectory("classroom-replay-").FullName;
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 28, 6, 30, 0, TimeSpan.Zero));
        try
        {
            var recordStarted = Stopwatch.GetTimestamp();
            long events;
            using (var host = await StartSiloAsync(directory, clock, checkpointEvery))
            {
                events = await new LessonRecorder(host.Services.GetRequiredService<IClusterClient>().GetGrain<IClassroomGrain>(LessonId), clock, studentCount)
                    .RecordAsync(Teacher, targetEvents, LessonLength);
                await host.StopAsync();
            }

            var recordSeconds = Stopwatch.GetElapsedTime(recordStarted).TotalSeconds;
            using var replayHost = await StartSiloAsync(directory, clock, checkpointEvery);
            var replay = replayHost.Services.GetRequiredService<IClusterClient>().GetGrain<IReplayGrain>(LessonId);
            var indexStarted = Stopwatch.GetTimestamp();
            var info = await replay.GetInfoAsync("viewer");
            var indexSeconds = Stopwatch.GetElapsedTime(indexStarted).TotalSeconds;

            var random = new Random(20261128);
            var histogram = new LatencyHistogram();
            for (var i = -Warmup; i < seeks; i++)
            {
                var moment = random.NextInt64(0, info.DurationMillis + 1);
                var started = Stopwatch.GetTimestamp();
                var frame = await replay.SeekAsync("viewer", moment);
                if (i >= 0)
                {
                    histogram.Record(Stopwatch.GetTimestamp() - started);
                }

                if (frame.OffsetMillis != moment)
                {
                    throw new InvalidOperationException($"A seek to {moment} ms showed {frame.OffsetMillis} ms.");
                }
            }

            await replayHost.StopAsync();
            return JsonSerializer.Serialize(new ReplayResult(
                "replay", info.LastSeq, Math.Round(info.DurationMillis / 60_000.0, 1), studentCount, checkpointEvery, Math.Round(recordSeconds, 1), Math.Round(indexSeconds, 2),
                seeks, Math.Round(histogram.QuantileMicros(0.5) / 1000, 2), Math.Round(histogram.QuantileMicros(0.99) / 1000, 2),
                Math.Round(histogram.QuantileMicros(1) / 1000, 2), Math.Round(new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1048576.0)),
                BenchJsonContext.Default.ReplayResult);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IHost> StartSiloAsync(string directory, TimeProvider clock, int checkpointEvery)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Classroom:Silo:DataDirectory"] = directory,
            [$"{ReplayOptions.Section}:{nameof(ReplayOptions.CheckpointEvery)}"] = $"{checkpointEvery}",
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        // The grains read this clock (Orleans' grain time provider); the silo's own machinery keeps real time.
        builder.Services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        builder.AddClassroomSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

internal sealed record ReplayResult(
    string Benchmark, long Events, double LessonMinutes, int Students, int CheckpointEvery, double RecordSeconds, double IndexSeconds, int Seeks,
    double SeekP50Millis, double SeekP99Millis, double SeekMaxMillis, double DatabaseMb);
