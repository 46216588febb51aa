using Classroom.Runtime.Clustering;
using Classroom.TestKit;
using Microsoft.Extensions.Hosting;

namespace Classroom.Bench.Cluster;

/// <summary>What the cluster benchmarks share: their members' settings and child processes.</summary>
internal static class ClusterBench
{
    public static void Apply(ClusterOptions options, string redis, string clusterId, ClusterRole role)
    {
        options.Redis = redis;
        options.ClusterId = clusterId;
        options.Role = role;
    }

    /// <summary>Starts a member in a child process and waits until it has joined the cluster.</summary>
    public static async Task<ChildProcess> StartMemberAsync(string name, string assembly, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var child = ChildProcess.Start(name, assembly, arguments, environment);
        await child.WaitForOutputAsync("Joined the cluster as ");
        return child;
    }

    /// <summary>The process id in a member id (<c>silo-PID-suffix</c>).</summary>
    public static int ProcessOf(string memberId) => int.Parse(memberId.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);

    public static async Task RunUntilStoppedAsync(IHost host)
    {
        await host.StartAsync();
        await host.WaitForShutdownAsync();
    }
}
