using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Classroom.Runtime.Clustering;

/// <summary>
/// Takes this process into the cluster when the host starts: connects to Redis, listens (a silo), joins the membership
/// and routes every call through the <see cref="ClusterRouter"/>; heartbeats until the host stops, then leaves.
/// </summary>
internal sealed partial class ClusterService : IHostedService, IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly RedisCluster _redis;
    private readonly ILogger _logger;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _heartbeats;

    public ClusterService(GrainRuntime runtime, RedisCluster redis, IServiceProvider services)
    {
        _runtime = runtime;
        _redis = redis;
        _logger = services.GetService<ILoggerFactory>()?.CreateLogger("Classroom.Runtime.Cluster") ?? NullLogger.Instance;
        _lifetime = services.GetService<IHostApplicationLifetime>();
        Membership = new ClusterMembership(redis, _logger);
        Directory = new GrainDirectory(redis, Membership, runtime.TimeProvider);
        Router = new ClusterRouter(runtime, Membership, Directory, _logger);
        Membership.Fenced += OnFenced;
        Membership.Rejoining = ReclaimAsync;
        // Before anything can make a call: references route through the cluster from the start.
        runtime.Invoker.Target = Router;
    }

    public ClusterOptions Options => _redis.Options;

    public ClusterMembership Membership { get; }

    public GrainDirectory Directory { get; }

    public ClusterRouter Router { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Options.Validate();
        await _redis.ConnectAsync();
        var endpoint = Options.Role == ClusterRole.Silo ? Router.Listen(Options.Host, Options.Port) : "";
        await Membership.JoinAsync(Options.Role, endpoint);
        _heartbeats = HeartbeatAsync(_stopping.Token);
    }

    private async Task HeartbeatAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Options.HeartbeatInterval, _runtime.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await Membership.TickAsync();
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    HeartbeatFailed(_logger, e.Message);
                }

                Router.ExpireCalls();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private void OnFenced()
    {
        // Declared dead: the grains this silo ran live elsewhere now. Refuse everything and stop the host.
        _runtime.Catalog.Close();
        _lifetime?.StopApplication();
    }

    /// <summary>
    /// Redis lost the directory (a restart without data): claim this silo's activations again, or let them go. Cached
    /// owners stay: they are still where the grains run.
    /// </summary>
    private async Task ReclaimAsync()
    {
        if (Options.Role != ClusterRole.Silo)
        {
            return;
        }

        foreach (var activation in _runtime.Catalog.Activations.ToArray())
        {
            try
            {
                var owner = await Directory.ReclaimAsync(activation.GrainId);
                if (owner != Membership.Self.Id)
                {
                    activation.RequestDeactivation(DeactivationReason.ApplicationRequested);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                HeartbeatFailed(_logger, e.Message);
                return;
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_crashed)
        {
            return;
        }

        // Grains deactivate while the cluster still carries their last calls; then this member leaves.
        await _runtime.StopAsync(cancellationToken);
        await StopHeartbeatsAsync();
        await Membership.LeaveAsync();
        await Router.DisposeAsync();
    }

    /// <summary>For tests of failure detection: stops as a killed process would, saying nothing to the cluster.</summary>
    internal async Task CrashAsync()
    {
        _crashed = true;
        _runtime.Catalog.Close();
        await StopHeartbeatsAsync();
        await Router.DisposeAsync();
    }

    private bool _crashed;

    /// <summary>For tests of fencing: stops heartbeating (a long pause) while everything else runs on.</summary>
    internal Task PauseHeartbeatsAsync() => StopHeartbeatsAsync();

    private async Task StopHeartbeatsAsync()
    {
        await _stopping.CancelAsync();
        if (_heartbeats is not null)
        {
            await _heartbeats;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Router.DisposeAsync();
        _stopping.Dispose();
    }

    [LoggerMessage(121, LogLevel.Warning, "Cluster heartbeat failed: {Reason}")]
    private static partial void HeartbeatFailed(ILogger logger, string reason);
}
