using Classroom.TestKit;
using Microsoft.Extensions.Hosting;

namespace Classroom.Bench.Cluster;

/// <summary>What the cluster benchmarks share: their members' settings and child processes.</summary>
internal static class ClusterBench
{
    /// <summary>Starts a silo in a child process and waits until Orleans says it started (it logs the line at Information).</summary>
    public static async Task<ChildProcess> StartMemberAsync(string name, string assembly, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var child = ChildProcess.Start(name, assembly, arguments, environment);
        await child.WaitForOutputAsync("Started silo ");
        return child;
    }

    public static async Task RunUntilStoppedAsync(IHost host)
    {
        await host.StartAsync();
        await host.WaitForShutdownAsync();
    }
}
