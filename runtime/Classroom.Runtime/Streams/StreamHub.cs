using Classroom.Runtime.Scheduling;

namespace Classroom.Runtime.Streams;

/// <summary>
/// One stream's subscribers. Publishing appends the item to every subscriber's queue under one lock, so all
/// subscribers see the stream's items in the same order, and returns without waiting for any delivery.
/// </summary>
internal sealed class StreamHub<T>(StreamId id, GrainRuntime runtime) : IAsyncStream<T>
{
    private readonly Lock _lock = new();
    private StreamSubscriber<T>[] _subscribers = [];

    public StreamId Id => id;

    public GrainRuntime Runtime => runtime;

    /// <summary>Subscribers right now.</summary>
    public int Count => Volatile.Read(ref _subscribers).Length;

    /// <summary>Called (outside the lock) when the last subscriber leaves.</summary>
    public Action? Emptied { get; set; }

    /// <summary>Tells every subscriber, in order with the items, that items may have been lost.</summary>
    public void Interrupt(Exception error)
    {
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.EnqueueError(error);
            }
        }
    }

    public Task OnNextAsync(T item)
    {
        lock (_lock)
        {
            Publish(item);
        }

        return Task.CompletedTask;
    }

    public Task OnNextBatchAsync(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_lock)
        {
            foreach (var item in items)
            {
                Publish(item);
            }
        }

        return Task.CompletedTask;
    }

    private void Publish(T item)
    {
        var subscribers = _subscribers;
        if (subscribers.Length == 0)
        {
            return;
        }

        if (runtime.Options.SerializeLocalCalls)
        {
            // As between processes: every subscriber gets its own copy, made through the serializer.
            var payload = runtime.Serializer.Serialize(item);
            foreach (var subscriber in subscribers)
            {
                subscriber.Enqueue(runtime.Serializer.Deserialize<T>(payload));
            }

            return;
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Enqueue(item);
        }
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var subscriber = new StreamSubscriber<T>(this, observer, ActivationScheduler.CurrentActivation);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        subscriber.Activation?.AddSubscription(subscriber);
        return Task.FromResult<StreamSubscriptionHandle<T>>(subscriber);
    }

    public void Remove(StreamSubscriber<T> subscriber)
    {
        bool emptied;
        lock (_lock)
        {
            var before = _subscribers.Length;
            _subscribers = Array.FindAll(_subscribers, s => s != subscriber);
            emptied = before > 0 && _subscribers.Length == 0;
        }

        if (emptied)
        {
            Emptied?.Invoke();
        }
    }
}
