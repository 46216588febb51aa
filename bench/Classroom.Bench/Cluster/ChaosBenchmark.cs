using System.Text.Json;
using Classroom.TestKit.Chaos;

namespace Classroom.Bench.Cluster;

/// <summary>
/// A live lesson on 3 silo and 2 gateway processes under faults for minutes (<see cref="ChaosRun"/>): silos killed
/// and replaced, a gateway restarted, Redis and PostgreSQL restarted. Prints what the run found, faults with times.
/// </summary>
internal static class ChaosBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var root = FailoverBenchmark.RepositoryRoot();
        var report = await ChaosRun.RunAsync(new ChaosOptions(
            Path.Combine(root, "silo", "Classroom.Silo", "bin", "Release", "net10.0", "Classroom.Silo.dll"),
            Path.Combine(root, "gateway", "Classroom.Gateway", "bin", "Release", "net10.0", "Classroom.Gateway.dll"),
            Viewers: options.Int("viewers", 1000, max: 5000),
            Voters: options.Int("voters", 20, max: 500),
            Duration: TimeSpan.FromSeconds(options.Int("seconds", 300, min: 20, max: 3600)),
            SiloKillEvery: TimeSpan.FromSeconds(options.Int("kill-every", 30, min: 5, max: 600))), Console.Error.WriteLine);
        return JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
