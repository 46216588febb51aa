using System.Collections.Concurrent;

namespace Classroom.Runtime.Streams;

/// <summary>Streams within one process: publishers and subscribers meet at one hub per stream.</summary>
internal sealed class InMemoryStreamProvider(string name, GrainRuntime runtime) : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, object> _hubs = new();

    public string Name => name;

    public IAsyncStream<T> GetStream<T>(StreamId id)
    {
        var hub = _hubs.GetOrAdd(id, static (streamId, r) => new StreamHub<T>(streamId, r), runtime);
        return hub as StreamHub<T>
            ?? throw new InvalidOperationException($"Stream {id} carries items of another type than {typeof(T).Name}.");
    }
}
