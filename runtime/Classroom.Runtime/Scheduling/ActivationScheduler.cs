using Classroom.Runtime.Catalog;
using Classroom.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Classroom.Runtime.Scheduling;

/// <summary>
/// Runs an activation's work one item at a time on the thread pool. Installed as the synchronization context while
/// grain code runs, so the continuations of its awaits come back here: even interleaving calls never run in parallel.
/// </summary>
internal sealed class ActivationScheduler(Activation activation, ILogger logger) : SynchronizationContext, IThreadPoolWorkItem
{
    // After this many items the scheduler yields its thread, so one busy activation cannot starve the others.
    private const int ItemsPerSlice = 64;

    private readonly Lock _lock = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _items = new();
    private bool _scheduled;

    public Activation Activation { get; } = activation;

    /// <summary>The activation whose code is running on this thread, if any.</summary>
    public static Activation? CurrentActivation => (Current as ActivationScheduler)?.Activation;

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_lock)
        {
            _items.Enqueue((d, state));
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Blocking on a grain's scheduler would deadlock it; await instead.");

    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < ItemsPerSlice; i++)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (_lock)
                {
                    if (!_items.TryDequeue(out item))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                try
                {
                    item.Callback(item.State);
                }
                catch (Exception e)
                {
                    RuntimeLog.SchedulerItemFailed(logger, e, Activation.GrainId);
                }

                if (Current != this)
                {
                    SetSynchronizationContext(this);
                }
            }

            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
