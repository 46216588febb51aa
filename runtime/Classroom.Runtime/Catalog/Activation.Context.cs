using Classroom.Runtime.Streams;
using Classroom.Runtime.Timers;

namespace Classroom.Runtime.Catalog;

internal sealed partial class Activation : IGrainContext
{
    private readonly List<GrainTimer> _timers = [];
    private readonly List<IActivationSubscription> _subscriptions = [];

    IGrainFactory IGrainContext.GrainFactory => Runtime.Client;

    IServiceProvider IGrainContext.Services => Runtime.Services;

    TimeProvider IGrainContext.TimeProvider => Runtime.TimeProvider;

    void IGrainContext.DeactivateOnIdle() => RequestDeactivation(DeactivationReason.ApplicationRequested);

    IGrainTimer IGrainContext.RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        var timer = new GrainTimer(this, callback, options);
        lock (_lock)
        {
            if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"Grain {GrainId} is deactivating: it cannot register timers.");
            }

            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    IStreamProvider IGrainContext.GetStreamProvider(string name) => Runtime.GetStreamProvider(name);

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    public void AddSubscription(IActivationSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Add(subscription);
        }
    }

    public void RemoveSubscription(IActivationSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private void EndSubscriptions()
    {
        IActivationSubscription[] subscriptions;
        lock (_lock)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.End();
        }
    }
}

/// <summary>State an activation reads before its grain's <c>OnActivateAsync</c>.</summary>
internal interface IActivationState
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}

/// <summary>A stream subscription that lives as long as the activation that made it.</summary>
internal interface IActivationSubscription
{
    void End();
}
