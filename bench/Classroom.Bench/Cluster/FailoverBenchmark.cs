using System.Diagnostics;
using System.Text.Json;
using Classroom.Contracts.Accounts;
using Classroom.Contracts.Classrooms;
using Classroom.Silo.Extensions;
using Classroom.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Classroom.Bench.Cluster;

/// <summary>
/// Failover of a live lesson: three <c>Classroom.Silo</c> processes in cluster mode over a private redis-server and
/// PostgreSQL, this process a cluster client posting chat every 20 ms. Each round kills the lesson's silo with SIGKILL,
/// measures the time until a chat is acknowledged again, and starts a fresh silo. Afterwards every acknowledged chat
/// must be in the lesson's log, in order.
/// </summary>
internal static class FailoverBenchmark
{
    private const string Teacher = "teacher-bench";

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var rounds = options.Int("rounds", 3, max: 20);
        await using var redis = await RedisServer.StartAsync();
        var postgres = await PostgreSqlServer.SharedAsync();
        var schema = PostgreSqlServer.NewSchema();
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["Classroom__Cluster__Mode"] = "cluster",
            ["Classroom__Cluster__Redis"] = redis.Configuration,
            ["Classroom__Cluster__ClusterId"] = clusterId,
            ["Classroom__Silo__Storage"] = "postgresql",
            ["Classroom__Silo__PostgreSql__ConnectionString"] = postgres.ConnectionString,
            ["Classroom__Silo__PostgreSql__Schema"] = schema,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Orleans.Runtime.Silo"] = "Information",
        };
        // The silo as it is built in its own folder (a copy beside this program lacks its dependency manifest).
        var siloDll = Path.Combine(RepositoryRoot(), "silo", "Classroom.Silo", "bin", "Release", "net10.0", "Classroom.Silo.dll");
        if (!File.Exists(siloDll))
        {
            throw new ArgumentException($"{siloDll} is not built: dotnet build Classroom.sln -c Release");
        }

        var silos = new List<ChildProcess>();
        var ports = new Dictionary<ChildProcess, int>();
        var started = 0;
        async Task StartSiloAsync()
        {
            var port = LoopbackPort.Free();
            var silo = await ClusterBench.StartMemberAsync($"silo{++started}", siloDll, [],
                new Dictionary<string, string>(settings) { ["Classroom__Cluster__Port"] = $"{port}" });
            silos.Add(silo);
            ports[silo] = port;
        }

        try
        {
            for (var i = 0; i < 3; i++)
            {
                await StartSiloAsync();
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(settings.ToDictionary(kv => kv.Key.Replace("__", ":"), kv => (string?)kv.Value));
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            builder.AddClassroomClient();
            using var host = builder.Build();
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IClusterClient>();

            var id = "failover-" + Guid.NewGuid().ToString("N")[..8];
            var classroom = client.GetGrain<IClassroomGrain>(id);
            await classroom.ScheduleAsync(Teacher, new CoursePreview("Failover", "math", 8, CourseType.Textbook, "",
                DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromHours(1), Teacher, "https://media.example/live/failover.m3u8", null));
            await classroom.StartAsync(Teacher);
            await classroom.JoinAsync(new JoinRequest(Teacher, "Teacher", AccountKind.Teacher, "bench", false));

            var acknowledged = new List<long>();
            var failovers = new List<double>();
            var failed = 0;
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < 25; i++)
                {
                    acknowledged.Add(Seq((await classroom.PostChatAsync(Teacher, $"round {round} line {i}")).MessageId));
                }

                var owner = await client.GetGrain<IManagementGrain>(0).GetActivationAddress(classroom)
                    ?? throw new InvalidOperationException($"No silo hosts classroom {id}.");
                var victim = ports.Single(p => p.Value == owner.Endpoint.Port).Key;
                var clock = Stopwatch.StartNew();
                victim.Kill();
                silos.Remove(victim);
                while (true)
                {
                    try
                    {
                        acknowledged.Add(Seq((await classroom.PostChatAsync(Teacher, $"round {round} after the kill")).MessageId));
                        break;
                    }
                    catch (Exception e) when (clock.Elapsed < TimeSpan.FromSeconds(60))
                    {
                        // Refused during the failover (not acknowledged, so not counted): try again at once.
                        failed++;
                        _ = e;
                    }
                }

                failovers.Add(clock.Elapsed.TotalMilliseconds);
                await StartSiloAsync();
            }

            var logged = new List<long>();
            for (var after = 0L; ;)
            {
                var page = await classroom.GetEventsAsync(Teacher, after, 1000);
                logged.AddRange(page.Events.Select(e => e.Seq));
                after = page.ThroughSeq;
                if (!page.HasMore)
                {
                    break;
                }
            }

            await host.StopAsync();
            return JsonSerializer.Serialize(new FailoverResult("failover", rounds, failovers.Select(f => Math.Round(f)).ToList(),
                Math.Round(failovers.Max()), acknowledged.Count, acknowledged.Count(s => !logged.Contains(s)), failed,
                logged.SequenceEqual(logged.Order()) && logged.Distinct().Count() == logged.Count), BenchJsonContext.Default.FailoverResult);
        }
        finally
        {
            foreach (var silo in silos)
            {
                silo.Kill();
            }

            await postgres.DropSchemaAsync(schema);
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Classroom.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new ArgumentException("Classroom.sln not found above the benchmark program.");
    }

    private static long Seq(string messageId) => long.Parse(messageId[1..], System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record FailoverResult(
    string Benchmark, int Rounds, List<double> FailoverMillis, double MaxFailoverMillis, int Acknowledged, int AcknowledgedMissingFromLog,
    int RefusedDuringFailover, bool LogInOrder);
