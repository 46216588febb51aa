using Classroom.Bench.Calls;
using Classroom.Bench.Fanout;
using Classroom.Bench.Media;
using Classroom.Bench.Qa;
using Classroom.Bench.Replay;
using Classroom.Bench.Votes;

namespace Classroom.Bench;

/// <summary>The benchmarks this program runs; each prints one JSON line.</summary>
internal static class BenchCommands
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/Classroom.Bench -- <benchmark> [options]

        benchmarks:
          calls   in-process grain calls across many grains with bounded concurrency
                  --grains N (1000)  --concurrency N (256)  --seconds N (10)  --warmup N (3)
          votes   N students of one live lesson vote in one poll at once (embedded silo, SQLite)
                  --students N (10000)  --concurrency N (all students at once)
          fanout  N WebSocket viewers in one classroom, R chat events/s through the hub, for S seconds
                  --viewers N (1000)  --rate R (20)  --seconds S (10)  --warmup S (10, same load unmeasured)
                  --baseline (a plain SignalR group instead)
          board   N WebSocket viewers while the teacher draws without pause: a stroke's points every 40 ms (R a second),
                  the laser pointer 16 times a second; latency of the points reaching every viewer, lost events
                  --viewers N (2000)  --rate R (25)  --seconds S (20)  --warmup S (10)
          cluster-calls  calls from this process to ping grains on silos in child processes (TCP), over a private redis-server
                  --silos N (2)  --grains N (1000)  --concurrency N (512)  --seconds N (10)  --warmup N (3)
          failover  a live lesson on 3 silo processes (Redis + PostgreSQL); kill -9 its silo, time until it accepts actions
                  --rounds N (3)
          chaos   a live lesson on 3 silos and 2 gateways (processes, Redis + PostgreSQL) while silos are killed and replaced,
                  a gateway, Redis and PostgreSQL restarted; prints lost, repeated and refused actions and viewers' gaps
                  --viewers N (1000)  --voters N (20)  --seconds N (300)  --kill-every N (30)
          soak    a long lesson (a silo and a gateway process) whose viewers come and go; samples memory, handles, grains
                  --viewers N (2000)  --minutes N (30)  --sample-seconds N (30)
          replay  records a 3-hour lesson of about N events in SQLite, then seeks its replay to random moments
                  --events N (200000)  --students N (2000)  --seeks N (1000)
          qa      indexes N generated Chinese questions with answers (one folder index per subject), commits, reopens,
                  then times similar-question searches as students type them
                  --questions N (200000)  --searches N (2000)
          media   lesson media through one gateway: upload-to-playable delay (upload, event at a viewer, segment fetched),
                  then segment GETs per second served to N concurrent clients (loopback, no cache in front)
                  --clients N (64)  --seconds N (10)  --segments N (30)  --bytes N (125000, a second at 1 Mbit/s)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var options = BenchOptions.Parse(args.AsSpan(1));
            switch (args[0])
            {
                case "calls":
                    Console.WriteLine(await CallsBenchmark.RunAsync(options));
                    return 0;
                case "fanout-server":
                    return await FanoutServer.RunAsync(options);
                case "fanout":
                    Console.WriteLine(await FanoutBenchmark.RunAsync(options));
                    return 0;
                case "board":
                    Console.WriteLine(await FanoutBenchmark.RunAsync(options, board: true));
                    return 0;
                case "cluster-calls":
                    Console.WriteLine(await Cluster.ClusterCallsBenchmark.RunAsync(options));
                    return 0;
                case "cluster-silo":
                    return await Cluster.ClusterCallsBenchmark.RunSiloAsync(options);
                case "failover":
                    Console.WriteLine(await Cluster.FailoverBenchmark.RunAsync(options));
                    return 0;
                case "chaos":
                    Console.WriteLine(await Cluster.ChaosBenchmark.RunAsync(options));
                    return 0;
                case "soak":
                    Console.WriteLine(await Cluster.SoakBenchmark.RunAsync(options));
                    return 0;
                case "replay":
                    Console.WriteLine(await ReplayBenchmark.RunAsync(options));
                    return 0;
                case "qa":
                    Console.WriteLine(QaBenchmark.Run(options));
                    return 0;
                case "media":
                    Console.WriteLine(await MediaBenchmark.RunAsync(options));
                    return 0;
                case "votes":
                    Console.WriteLine(await VotesBenchmark.RunAsync(options));
                    return 0;
                default:
                    Console.Error.WriteLine($"unknown benchmark '{args[0]}'\n{Usage}");
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\n{Usage}");
            return 2;
        }
    }
}
