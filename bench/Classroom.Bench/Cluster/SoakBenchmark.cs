using System.Diagnostics;
using System.Text;
using Classroom.Silo.Extensions;
using Classroom.TestKit;
using Classroom.TestKit.Chaos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Classroom.Bench.Cluster;

/// <summary>
/// A long lesson with viewers coming and going: a silo process and a gateway process (cluster mode, Redis and
/// PostgreSQL), a teacher chatting, and a crowd of viewers of which a share leaves and is replaced every few seconds.
/// Every interval it samples both processes' resident memory and open handles (from /proc) and the cluster's grain
/// activations, and prints the curve; then whether memory, handles and grains stayed flat after the warm-up.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var viewers = options.Int("viewers", 2000, max: 10000);
        var minutes = options.Int("minutes", 30, max: 240);
        var sampleEvery = TimeSpan.FromSeconds(options.Int("sample-seconds", 30, min: 5, max: 600));
        var churnPerSecond = Math.Max(1, viewers / 100);
        var root = FailoverBenchmark.RepositoryRoot();
        await using var redis = await RedisServer.StartAsync();
        var postgres = await PostgreSqlServer.SharedAsync();
        var schema = PostgreSqlServer.NewSchema();
        var clusterId = "soak-" + Guid.NewGuid().ToString("N")[..8];
        var environment = ClusterEnvironment.For(redis, postgres, schema, clusterId);
        environment["Classroom__Silo__Dashboard"] = "false";
        var silo = ChildProcess.Start("silo", Path.Combine(root, "silo", "Classroom.Silo", "bin", "Release", "net10.0", "Classroom.Silo.dll"), [],
            new Dictionary<string, string>(environment) { ["Classroom__Cluster__Port"] = $"{LoopbackPort.Free()}" });
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var gateway = ChildProcess.Start("gateway", Path.Combine(root, "gateway", "Classroom.Gateway", "bin", "Release", "net10.0", "Classroom.Gateway.dll"),
            ["--urls", address.ToString().TrimEnd('/')], environment);
        var crowd = new List<ChaosClient>();
        try
        {
            await silo.WaitForOutputAsync("Started silo ");
            await gateway.WaitForOutputAsync("Application started");
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(environment.ToDictionary(kv => kv.Key.Replace("__", ":"), kv => (string?)kv.Value));
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            builder.AddClassroomClient();
            using var host = builder.Build();
            await host.StartAsync();
            var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);

            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var teacherToken = await GatewayApi.TokenAsync(http, "/api/accounts/login", new { userName = "teacher", password = "teacher-demo" });
            var id = await GatewayApi.ScheduleAsync(http, teacherToken, "Soak");
            var teacher = new ChaosClient([address], 0, teacherToken, id, asViewer: false);
            await teacher.StartAsync();
            await teacher.InvokeAsync("StartLesson");
            var next = 0;
            async Task<ChaosClient> JoinAsync()
            {
                var n = Interlocked.Increment(ref next);
                var viewer = new ChaosClient([address], 0, await GatewayApi.TokenAsync(http, "/api/accounts/guest", new { displayName = $"访客{n}" }), id, asViewer: true);
                await viewer.StartAsync();
                return viewer;
            }

            foreach (var batch in Enumerable.Range(0, viewers).Chunk(50))
            {
                crowd.AddRange(await Task.WhenAll(batch.Select(_ => JoinAsync())));
            }

            Console.Error.WriteLine($"{viewers} viewers joined; {churnPerSecond} leave and join each second for {minutes} min");
            var run = Stopwatch.StartNew();
            var samples = new List<Sample>();
            var left = 0;
            var chats = 0;
            TimeSpan? lastSample = null;
            while (run.Elapsed < TimeSpan.FromMinutes(minutes))
            {
                var second = Stopwatch.StartNew();
                try
                {
                    await teacher.InvokeAsync("PostChat", $"soak {chats++}");
                }
                catch (ChaosRefusal)
                {
                    // Counted by the chat number's gaps; the soak is about resources.
                }

                var leaving = crowd.Take(churnPerSecond).ToList();
                crowd.RemoveRange(0, leaving.Count);
                await Task.WhenAll(leaving.Select(v => v.DisposeAsync().AsTask()));
                left += leaving.Count;
                crowd.AddRange(await Task.WhenAll(leaving.Select(_ => JoinAsync())));
                if (lastSample is not { } last || run.Elapsed - last >= sampleEvery)
                {
                    lastSample = run.Elapsed;
                    var grains = await management.GetSimpleGrainStatistics();
                    var sample = new Sample(run.Elapsed.TotalMinutes, Resident(gateway.Id), Handles(gateway.Id), Resident(silo.Id), Handles(silo.Id),
                        grains.Sum(g => g.ActivationCount), grains.Where(g => g.GrainType.Contains("ClassroomGrain", StringComparison.Ordinal)).Sum(g => g.ActivationCount),
                        crowd.Count, left);
                    samples.Add(sample);
                    Console.Error.WriteLine(sample.Line);
                }

                var rest = TimeSpan.FromSeconds(1) - second.Elapsed;
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest);
                }
            }

            await teacher.DisposeAsync();
            await host.StopAsync();
            return Report(samples, viewers, minutes);
        }
        finally
        {
            await Task.WhenAll(crowd.Select(v => v.DisposeAsync().AsTask()));
            gateway.Kill();
            silo.Kill();
            await postgres.DropSchemaAsync(schema);
        }
    }

    private sealed record Sample(double Minutes, long GatewayKb, int GatewayHandles, long SiloKb, int SiloHandles, int Grains, int ClassroomGrains, int Viewers, int Left)
    {
        public string Line =>
            $"{Minutes,6:0.0} min  gateway {GatewayKb / 1024,5} MB {GatewayHandles,5} handles  silo {SiloKb / 1024,5} MB {SiloHandles,5} handles  " +
            $"grains {Grains,6} (classroom {ClassroomGrains})  viewers {Viewers}  left so far {Left}";
    }

    private static string Report(List<Sample> samples, int viewers, int minutes)
    {
        var text = new StringBuilder($"soak: {viewers} viewers, {minutes} min, a sample every row\n");
        foreach (var sample in samples)
        {
            text.AppendLine(sample.Line);
        }

        // After the warm-up (the first fifth): growth from the lowest to the last sample.
        var after = samples.Skip(Math.Max(1, samples.Count / 5)).ToList();
        if (after.Count >= 2)
        {
            string Growth(Func<Sample, double> of) => $"{(of(after[^1]) - after.Min(of)) / Math.Max(1, after.Min(of)) * 100:+0.0;-0.0}%";
            text.AppendLine($"after warm-up, last vs lowest: gateway memory {Growth(s => s.GatewayKb)}, handles {Growth(s => s.GatewayHandles)}; " +
                $"silo memory {Growth(s => s.SiloKb)}, handles {Growth(s => s.SiloHandles)}; grains {Growth(s => s.Grains)}");
        }

        return text.ToString();
    }

    private static long Resident(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int Handles(int pid) => Directory.GetFiles($"/proc/{pid}/fd").Length;
}
