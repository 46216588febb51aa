using Classroom.Runtime.Catalog;
using Classroom.Runtime.Diagnostics;
using Classroom.Runtime.Scheduling;

namespace Classroom.Runtime;

internal sealed partial class GrainRuntime
{
    private ITimer? _maintenance;
    private int _maintaining;
    private int _stopped;

    public void Start()
    {
        _maintenance ??= TimeProvider.CreateTimer(static state => ((GrainRuntime)state!).Maintain(), this,
            Options.MaintenanceInterval, Options.MaintenanceInterval);
        if (Services.GetService(typeof(Clustering.RedisCluster)) is not Clustering.RedisCluster { Options.Role: Clustering.ClusterRole.Client })
        {
            RuntimeLog.SiloStarted(Logger, Types.Classes.Count());
        }
    }

    /// <summary>Fails calls past their deadline and deactivates idle activations.</summary>
    public void Maintain()
    {
        if (Interlocked.Exchange(ref _maintaining, 1) == 1)
        {
            return;
        }

        try
        {
            var now = TimeProvider.GetTimestamp();
            var expired = new List<Message>();
            foreach (var activation in Catalog.Activations)
            {
                activation.ExpireCalls(now, expired);
                activation.CollectIfIdle(now, _collectionAgeTicks);
            }

            foreach (var message in expired)
            {
                if (message.Request.TryFail(GrainCallTimeoutException.For(message.Target, message.Request.Method.DisplayName, Options.CallTimeout)))
                {
                    Metrics.CallTimedOut();
                    RuntimeLog.CallTimedOut(Logger, message.Request.Method.DisplayName, message.Target);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _maintaining, 0);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _maintenance?.Dispose();
        using var timeout = new CancellationTokenSource(Options.ShutdownTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);

        // Deactivating a grain may activate another (a final write through a call): repeat until none are left.
        for (var round = 0; round < 5 && Catalog.Count > 0; round++)
        {
            var activations = Catalog.Activations.ToArray();
            foreach (var activation in activations)
            {
                activation.RequestDeactivation(DeactivationReason.ShuttingDown);
            }

            try
            {
                await Task.WhenAll(activations.Select(static a => a.Deactivated)).WaitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                RuntimeLog.ShutdownTimedOut(Logger, Catalog.Count);
                break;
            }
        }

        Catalog.Close();
        await _shutdown.CancelAsync();
        RuntimeLog.SiloStopped(Logger);
    }
}
