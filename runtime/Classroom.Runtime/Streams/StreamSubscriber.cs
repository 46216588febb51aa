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
    private readonly Queue<(T Item, Exception? Error)> _pending = new();
    private bool _draining;
    private bool _ended;

    public Activation? Activation => activation;

    public override StreamId StreamId => hub.Id;

    public override Guid SubscriptionId { get; } = Guid.NewGuid();

    public void Enqueue(T item) => Enqueue(item, null);

    /// <summary>Tells the observer, after the items queued so far, that items may have been lost.</summary>
    public void EnqueueError(Exception error) => Enqueue(default!, error);

    private void Enqueue(T item, Exception? error)
    {
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _pending.Enqueue((item, error));
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
            (T Item, Exception? Error) next;
            lock (_lock)
            {
                if (_ended || !_pending.TryDequeue(out next))
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                await DeliverAsync(next.Item, next.Error).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                RuntimeLog.StreamDeliveryFailed(hub.Runtime.Logger, e, hub.Id.ToString());
            }
        }
    }

    private Task DeliverAsync(T item, Exception? error)
    {
        if (activation is null)
        {
            return error is null ? observer.OnNextAsync(item) : observer.OnErrorAsync(error);
        }

        var request = new TurnRequest(TurnRequest.StreamDelivery,
            _ => error is null ? observer.OnNextAsync(item) : observer.OnErrorAsync(error), CancellationToken.None);
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
