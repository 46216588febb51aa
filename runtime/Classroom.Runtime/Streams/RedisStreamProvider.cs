using System.Collections.Concurrent;
using Classroom.Runtime.Clustering;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Classroom.Runtime.Streams;

/// <summary>
/// Streams across processes over Redis pub/sub: an item is serialized once and published on the stream's channel; each
/// process with subscribers subscribes to the channel once and fans items out to them locally, in the order Redis
/// delivered them. Pub/sub is at-most-once: when the connection to Redis comes back after a break, every subscriber is
/// told (<see cref="IAsyncObserver{T}.OnErrorAsync"/>) so it can catch up from the source of truth.
/// </summary>
internal sealed partial class RedisStreamProvider : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, IRedisStream> _streams = new();
    private readonly string _name;
    private readonly GrainRuntime _runtime;
    private readonly RedisCluster _redis;
    private int _watching;

    public RedisStreamProvider(string name, GrainRuntime runtime, RedisCluster redis)
    {
        _name = name;
        _runtime = runtime;
        _redis = redis;
    }

    public string Name => _name;

    public IAsyncStream<T> GetStream<T>(StreamId id)
    {
        WatchConnection();
        var stream = _streams.GetOrAdd(id, static (streamId, provider) => new RedisStream<T>(streamId, provider), this);
        return stream as RedisStream<T>
            ?? throw new InvalidOperationException($"Stream {id} carries items of another type than {typeof(T).Name}.");
    }

    private void WatchConnection()
    {
        if (Volatile.Read(ref _watching) == 0 && Interlocked.Exchange(ref _watching, 1) == 0)
        {
            _redis.Connection.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Subscription)
                {
                    var error = new StreamInterruptedException("The connection to Redis was restored: stream items published meanwhile may be lost.");
                    foreach (var stream in _streams.Values)
                    {
                        stream.Interrupt(error);
                    }
                }
            };
        }
    }

    private interface IRedisStream
    {
        void Interrupt(Exception error);
    }

    private sealed class RedisStream<T> : IAsyncStream<T>, IRedisStream
    {
        private readonly RedisStreamProvider _provider;
        private readonly StreamHub<T> _local;
        private readonly RedisChannel _channel;
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Action<RedisChannel, RedisValue> _handler;
        private bool _subscribed;

        public RedisStream(StreamId id, RedisStreamProvider provider)
        {
            _provider = provider;
            _local = new StreamHub<T>(id, provider._runtime);
            _local.Emptied = () => _ = UnsubscribeIfEmptyAsync();
            _channel = provider._redis.StreamChannel(id.ToString());
            _handler = OnMessage;
        }

        public StreamId Id => _local.Id;

        public Task OnNextAsync(T item)
        {
            Publish(item);
            return Task.CompletedTask;
        }

        public Task OnNextBatchAsync(IEnumerable<T> items)
        {
            ArgumentNullException.ThrowIfNull(items);
            foreach (var item in items)
            {
                Publish(item);
            }

            return Task.CompletedTask;
        }

        private void Publish(T item)
        {
            var payload = _provider._runtime.Serializer.Serialize(item);
            try
            {
                // Fire and forget keeps the publisher's order (one connection, one queue) without waiting on Redis.
                _provider._redis.Connection.GetSubscriber().Publish(_channel, payload, CommandFlags.FireAndForget);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // At most once: subscribers that miss this item find the gap and catch up from the source of truth.
                PublishFailed(_provider._runtime.Logger, Id.ToString(), e.Message);
            }
        }

        private void OnMessage(RedisChannel channel, RedisValue value)
        {
            T item;
            try
            {
                item = _provider._runtime.Serializer.Deserialize<T>((byte[])value!);
            }
            catch (Exception e)
            {
                ItemUnreadable(_provider._runtime.Logger, e, Id.ToString());
                return;
            }

            _local.OnNextAsync(item);
        }

        public async Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_subscribed)
                {
                    // Subscribed before this returns: whatever is published after the caller's next step reaches it.
                    await _provider._redis.Connection.GetSubscriber().SubscribeAsync(_channel, _handler);
                    _subscribed = true;
                }

                return await _local.SubscribeAsync(observer);
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task UnsubscribeIfEmptyAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_subscribed && _local.Count == 0)
                {
                    _subscribed = false;
                    await _provider._redis.Connection.GetSubscriber().UnsubscribeAsync(_channel, _handler);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                PublishFailed(_provider._runtime.Logger, Id.ToString(), e.Message);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Interrupt(Exception error) => _local.Interrupt(error);
    }

    [LoggerMessage(131, LogLevel.Warning, "Stream {StreamId}: Redis did not take an operation ({Reason})")]
    private static partial void PublishFailed(ILogger logger, string streamId, string reason);

    [LoggerMessage(132, LogLevel.Error, "Stream {StreamId}: an item from Redis could not be read")]
    private static partial void ItemUnreadable(ILogger logger, Exception exception, string streamId);
}
