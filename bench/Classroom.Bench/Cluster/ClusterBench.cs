using System.Diagnostics;
using Classroom.Runtime.Clustering;
using Microsoft.Extensions.Hosting;

namespace Classroom.Bench.Cluster;

/// <summary>Child processes the cluster benchmarks start and kill (SIGKILL), each a member of the benchmark's cluster.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static async Task<ChildProcess> StartAsync(string file, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [file, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(file)! };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Joined the cluster as ", StringComparison.Ordinal) == true)
            {
                child._joined.TrySetResult();
            }
        };
        child._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(file)}] {e.Data}");
            }
        };
        child._process.EnableRaisingEvents = true;
        child._process.Exited += (_, _) => child._joined.TrySetException(new InvalidOperationException($"{file} exited before joining the cluster."));
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => child.Dispose();
        await child._joined.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return child;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The process id in a member id (<c>silo-PID-suffix</c>).</summary>
    public static int ProcessOf(string memberId) => int.Parse(memberId.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Settings shared by the cluster benchmarks' members.</summary>
internal static class ClusterSettings
{
    public static void Apply(ClusterOptions options, string redis, string clusterId, ClusterRole role)
    {
        options.Redis = redis;
        options.ClusterId = clusterId;
        options.Role = role;
    }

    public static async Task RunUntilStoppedAsync(IHost host)
    {
        await host.StartAsync();
        await host.WaitForShutdownAsync();
    }
}
