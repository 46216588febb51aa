namespace Classroom.Runtime.Streams;

/// <summary>
/// A stream of items. Each subscriber receives the items of one stream in the order they were published, one at a
/// time; a slow subscriber does not hold up the publisher or the other subscribers.
/// </summary>
public interface IAsyncStream<T>
{
    /// <summary>The stream's identity.</summary>
    StreamId Id { get; }

    /// <summary>Publishes an item.</summary>
    Task OnNextAsync(T item);

    /// <summary>Publishes items in order.</summary>
    Task OnNextBatchAsync(IEnumerable<T> items);

    /// <summary>
    /// Subscribes an observer. From a grain, items are delivered as turns of that activation and the subscription
    /// ends with the activation; elsewhere they are delivered on the thread pool, one at a time.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);
}

/// <summary>Receives the items of a stream.</summary>
public interface IAsyncObserver<in T>
{
    /// <summary>Handles one item.</summary>
    Task OnNextAsync(T item);

    /// <summary>
    /// Told, in order with the items, that the stream may have lost items (e.g. its backplane reconnected). An observer
    /// that must not miss any catches up from the source of truth. Ignored unless implemented.
    /// </summary>
    Task OnErrorAsync(Exception error) => Task.CompletedTask;
}

/// <summary>A subscription to a stream; unsubscribing stops deliveries that have not started.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    /// <summary>The stream subscribed to.</summary>
    public abstract StreamId StreamId { get; }

    /// <summary>A unique id of this subscription.</summary>
    public abstract Guid SubscriptionId { get; }

    /// <summary>Ends the subscription.</summary>
    public abstract Task UnsubscribeAsync();
}

/// <summary>Conveniences for streams.</summary>
public static class AsyncStreamExtensions
{
    /// <summary>Subscribes a delegate.</summary>
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(this IAsyncStream<T> stream, Func<T, Task> onNext) =>
        stream.SubscribeAsync(new DelegateObserver<T>(onNext));

    private sealed class DelegateObserver<T>(Func<T, Task> onNext) : IAsyncObserver<T>
    {
        public Task OnNextAsync(T item) => onNext(item);
    }
}
