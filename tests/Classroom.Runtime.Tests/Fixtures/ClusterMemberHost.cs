using Classroom.Runtime.Clustering;
using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Hosting;
using Classroom.Runtime.Storage;
using Classroom.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Classroom.Runtime.Tests.Fixtures;

/// <summary>
/// One member of a real cluster in the test process: its own host, runtime and TCP listener, joined through a real
/// Redis. Members share one storage (as silos share a database), so a grain that moves keeps its state.
/// </summary>
public sealed class ClusterMemberHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterMemberHost(string name, IHost host)
    {
        Name = name;
        _host = host;
    }

    public string Name { get; }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    internal ClusterService Cluster => _host.Services.GetRequiredService<ClusterService>();

    internal GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();

    public string MemberId => Cluster.Membership.Self.Id;

    public static async Task<ClusterMemberHost> StartAsync(string name, string redis, string clusterId, ClusterRole role, Probe probe,
        MemoryGrainStorage storage, MemoryEventLogStorage eventLogs, TimeSpan? deathTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(probe).AddSingleton(new SiloName(name));
        builder.Services.AddGrainRuntime(runtime => runtime
            .AddGrains(typeof(PlacementGrain).Assembly)
            .AddSerializerContext(TestJsonContext.Default)
            .AddGrainStorage(GrainStorage.DefaultName, storage)
            .AddEventLogStorage(GrainStorage.DefaultName, eventLogs)
            .UseRedisClustering(o =>
            {
                o.Redis = redis;
                o.ClusterId = clusterId;
                o.Role = role;
                o.HeartbeatInterval = TimeSpan.FromMilliseconds(250);
                o.DeathTimeout = deathTimeout ?? TimeSpan.FromSeconds(2);
            })
            .AddRedisStreams()
            .Configure(o => o.CallTimeout = TimeSpan.FromSeconds(15)));
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterMemberHost(name, host);
    }

    /// <summary>Dies as a killed process would: no more heartbeats, every socket closed, nothing said to the cluster.</summary>
    public async Task CrashAsync() => await Cluster.CrashAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            if (_host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
