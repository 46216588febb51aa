using Classroom.Runtime.Catalog;
using Classroom.Runtime.Diagnostics;
using Classroom.Runtime.Scheduling;

namespace Classroom.Runtime.Streams;

/// <summary>
/// One subscription: a queue of items delivered one at a time, in order. A grain's subscription delivers each item
/// as a turn of the activation that subscribed, and ends when that activation does.
/// </summary>
internal sealed class StreamSubscriber<T>(StreamHub<T> hub, IAsyncObserver<T> observer, Activation? activation)
    : StreamSubscriptionHandle<T>, IActivationSubscription
{
    private readonly Lock _lock = new();
    private readonly Queue<T> _pending = new();
    private bool _draining;
    private bool _ended;

    public Activation? Activation => activation;

    public override StreamId StreamId => hub.Id;

    public override Guid SubscriptionId { get; } = Guid.NewGuid();

    public void Enqueue(T item)
    {
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _pending.Enqueue(item);
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.DrainAsync(), this, preferLocal: false);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            T item;
            lock (_lock)
            {
                if (_ended || !_pending.TryDequeue(out item!))
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                await DeliverAsync(item).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                RuntimeLog.StreamDeliveryFailed(hub.Runtime.Logger, e, hub.Id.ToString());
            }
        }
    }

    private Task DeliverAsync(T item)
    {
        if (activation is null)
        {
            return observer.OnNextAsync(item);
        }

        var request = new TurnRequest(TurnRequest.StreamDelivery, _ => observer.OnNextAsync(item), CancellationToken.None);
        var completion = request.PrepareCompletion();
        if (!activation.TryEnqueue(new Message(activation.GrainId, request, hub.Runtime.Deadline(), pinned: true)))
        {
            End();
        }

        return completion;
    }

    public override Task UnsubscribeAsync()
    {
        End();
        activation?.RemoveSubscription(this);
        return Task.CompletedTask;
    }

    public void End()
    {
        lock (_lock)
        {
            _ended = true;
            _pending.Clear();
        }

        hub.Remove(this);
    }
}
