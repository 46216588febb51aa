using System.Diagnostics;
using System.Text.Json;
using Classroom.Bench.Measurement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Classroom.TestKit;

namespace Classroom.Bench.Calls;

/// <summary>
/// In-process grain calls to an Orleans silo from its co-hosted client: <c>concurrency</c> callers each keep one call outstanding, spread
/// round-robin over <c>grains</c> activations, for a fixed time after a warm-up.
/// </summary>
internal static class CallsBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var grainCount = options.Int("grains", 1000);
        var concurrency = options.Int("concurrency", 256);
        var seconds = options.Int("seconds", 10, max: 600);
        var warmup = options.Int("warmup", 3, min: 0, max: 60);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(LoopbackPort.Free(), LoopbackPort.Free()));
        using var host = builder.Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<IClusterClient>();
        var grains = Enumerable.Range(0, grainCount).Select(i => client.GetGrain<IPingGrain>($"ping-{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => g.PingAsync(0).AsTask()));

        await RunPhaseAsync(grains, concurrency, TimeSpan.FromSeconds(warmup));
        var (calls, histogram, elapsed) = await RunPhaseAsync(grains, concurrency, TimeSpan.FromSeconds(seconds));
        await host.StopAsync();

        return JsonSerializer.Serialize(new CallsResult(
            "calls", grainCount, concurrency, Math.Round(elapsed.TotalSeconds, 2), calls,
            Math.Round(calls / elapsed.TotalSeconds), Math.Round(histogram.QuantileMicros(0.5), 1), Math.Round(histogram.QuantileMicros(0.99), 1),
            Environment.ProcessorCount), BenchJsonContext.Default.CallsResult);
    }

    internal static async Task<(long Calls, LatencyHistogram Histogram, TimeSpan Elapsed)> RunPhaseAsync(IPingGrain[] grains, int concurrency, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return (0, new LatencyHistogram(), TimeSpan.Zero);
        }

        // A deadline read from the clock rather than a cancellation timer: a saturated thread pool runs timers late.
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(() => WorkerAsync(grains, w, concurrency, deadline))).ToArray();
        var histograms = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var total = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }

        return (total.Count, total, elapsed);
    }

    private static async Task<LatencyHistogram> WorkerAsync(IPingGrain[] grains, int worker, int stride, long deadline)
    {
        var histogram = new LatencyHistogram();
        var index = worker % grains.Length;
        var now = Stopwatch.GetTimestamp();
        while (now < deadline)
        {
            await grains[index].PingAsync(index);
            var end = Stopwatch.GetTimestamp();
            histogram.Record(end - now);
            now = end;
            index = (index + stride) % grains.Length;
        }

        return histogram;
    }
}

internal sealed record CallsResult(
    string Benchmark, int Grains, int Concurrency, double Seconds, long Calls,
    double CallsPerSecond, double P50Micros, double P99Micros, int Cores);
