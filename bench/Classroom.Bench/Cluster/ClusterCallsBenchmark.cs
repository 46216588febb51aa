using System.Diagnostics;
using System.Text.Json;
using Classroom.Bench.Calls;
using Classroom.Bench.Measurement;
using Classroom.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Classroom.Bench.Cluster;

/// <summary>
/// Calls between processes: silos in child processes host ping grains; this process joins the cluster (a private
/// redis-server) and keeps <c>concurrency</c> calls outstanding over <c>grains</c> grains spread over the silos, each
/// call an Orleans message over TCP to another process and its answer back. The same load on in-process calls is the baseline.
/// </summary>
internal static class ClusterCallsBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var silos = options.Int("silos", 2, max: 8);
        var grainCount = options.Int("grains", 1000);
        var concurrency = options.Int("concurrency", 512);
        var seconds = options.Int("seconds", 10, max: 600);
        var warmup = options.Int("warmup", 3, min: 0, max: 60);

        await using var redis = await RedisServer.StartAsync();
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var children = new List<ChildProcess>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                children.Add(await ClusterBench.StartMemberAsync($"silo{i + 1}", typeof(ClusterCallsBenchmark).Assembly.Location,
                    ["cluster-silo", "--redis", redis.Configuration, "--cluster", clusterId], new Dictionary<string, string>()));
            }

            using var host = Client(redis.Configuration, clusterId);
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IClusterClient>();
            var grains = Enumerable.Range(0, grainCount).Select(i => client.GetGrain<IPingGrain>($"ping-{i}")).ToArray();
            await Task.WhenAll(grains.Select(g => g.PingAsync(0).AsTask()));
            var (warmupCalls, _, _) = await CallsBenchmark.RunPhaseAsync(grains, concurrency, TimeSpan.FromSeconds(warmup));
            var (calls, histogram, elapsed) = await CallsBenchmark.RunPhaseAsync(grains, concurrency, TimeSpan.FromSeconds(seconds));

            // The grains in the silo processes counted what they answered: every call made here must be among them.
            var answered = (await Task.WhenAll(grains.Select(g => g.CallsAsync().AsTask()))).Sum(c => (long)c);
            await host.StopAsync();

            return JsonSerializer.Serialize(new ClusterCallsResult(
                "cluster-calls", silos, grainCount, concurrency, Math.Round(elapsed.TotalSeconds, 2), calls,
                Math.Round(calls / elapsed.TotalSeconds), Math.Round(histogram.QuantileMicros(0.5) / 1000, 2), Math.Round(histogram.QuantileMicros(0.99) / 1000, 2),
                answered == grainCount + warmupCalls + calls, Environment.ProcessorCount), BenchJsonContext.Default.ClusterCallsResult);
        }
        finally
        {
            foreach (var child in children)
            {
                child.Kill();
            }
        }
    }

    /// <summary>This process: an Orleans client of the cluster, hosting nothing.</summary>
    private static IHost Client(string redis, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId))
            .UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis)));
        return builder.Build();
    }

    /// <summary>The child process side: one silo hosting the ping grains, until killed.</summary>
    public static async Task<int> RunSiloAsync(BenchOptions options)
    {
        var (redis, clusterId) = (options.Text("redis"), options.Text("cluster"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans.Runtime.Silo", LogLevel.Information);
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId))
            .ConfigureEndpoints(System.Net.IPAddress.Loopback, LoopbackPort.Free(), LoopbackPort.Free(), listenOnAnyHostAddress: false)
            .UseRedisClustering(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis)));
        using var host = builder.Build();
        await ClusterBench.RunUntilStoppedAsync(host);
        return 0;
    }
}

internal sealed record ClusterCallsResult(
    string Benchmark, int Silos, int Grains, int Concurrency, double Seconds, long Calls,
    double CallsPerSecond, double P50Millis, double P99Millis, bool AllAnsweredBySilos, int Cores);
