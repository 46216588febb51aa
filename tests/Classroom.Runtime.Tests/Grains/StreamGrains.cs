using Classroom.Runtime.Streams;
using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests.Grains;

public interface IProducerGrain : IGrainWithStringKey
{
    Task PublishAsync(int from, int count);
}

public interface IConsumerGrain : IGrainWithStringKey
{
    Task SubscribeAsync(string streamKey);

    Task UnsubscribeAsync();

    Task<int[]> GetReceivedAsync();

    Task DeactivateAsync();
}

public static class NumberStreams
{
    public const string Namespace = "numbers";

    public static IAsyncStream<int> Get(IStreamProvider provider, string key) => provider.GetStream<int>(StreamId.Create(Namespace, key));
}

public sealed class ProducerGrain : Grain, IProducerGrain
{
    public async Task PublishAsync(int from, int count)
    {
        var stream = NumberStreams.Get(GetStreamProvider(StreamProviders.DefaultName), GetPrimaryKeyString());
        for (var i = from; i < from + count; i++)
        {
            await stream.OnNextAsync(i);
        }
    }
}

public sealed class ConsumerGrain(Probe probe) : Grain, IConsumerGrain
{
    private readonly List<int> _received = [];
    private StreamSubscriptionHandle<int>? _subscription;
    private bool _inTurn;

    public async Task SubscribeAsync(string streamKey)
    {
        var stream = NumberStreams.Get(GetStreamProvider(StreamProviders.DefaultName), streamKey);
        _subscription = await stream.SubscribeAsync(OnItemAsync);
    }

    private async Task OnItemAsync(int item)
    {
        if (_inTurn)
        {
            probe.Log("delivery overlapped another turn");
        }

        _inTurn = true;
        await Task.Yield();
        _received.Add(item);
        _inTurn = false;
        probe.Signal($"consumer:{GetPrimaryKeyString()}:{_received.Count}");
    }

    public async Task UnsubscribeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }

    public Task<int[]> GetReceivedAsync() => Task.FromResult(_received.ToArray());

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
