using System.Collections.Concurrent;
using Classroom.Runtime.Streams;
using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class StreamTests(RuntimeFixture fixture)
{
    private IAsyncStream<int> Stream(string key) =>
        NumberStreams.Get(fixture.Cluster.Client.GetStreamProvider(StreamProviders.DefaultName), key);

    [Fact]
    public async Task A_host_subscriber_receives_a_grains_items_in_publish_order()
    {
        var received = new ConcurrentQueue<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Stream("ordered").SubscribeAsync(item =>
        {
            received.Enqueue(item);
            if (received.Count == 3000)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        });

        var producer = fixture.Grains.GetGrain<IProducerGrain>("ordered");
        await Task.WhenAll(producer.PublishAsync(0, 1000), producer.PublishAsync(1000, 1000), producer.PublishAsync(2000, 1000));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 3000), received);
    }

    [Fact]
    public async Task A_grain_subscriber_receives_items_in_order_as_turns_that_never_overlap()
    {
        var consumer = fixture.Grains.GetGrain<IConsumerGrain>("grain-consumer");
        await consumer.SubscribeAsync("to-grain");

        await fixture.Grains.GetGrain<IProducerGrain>("to-grain").PublishAsync(0, 500);
        await fixture.Probe.WaitAsync("consumer:grain-consumer:500");

        Assert.Equal(Enumerable.Range(0, 500), await consumer.GetReceivedAsync());
        Assert.Empty(fixture.Probe.Entries("delivery overlapped"));
    }

    [Fact]
    public async Task Every_subscriber_gets_every_item()
    {
        var a = fixture.Grains.GetGrain<IConsumerGrain>("fan-a");
        var b = fixture.Grains.GetGrain<IConsumerGrain>("fan-b");
        await a.SubscribeAsync("fan");
        await b.SubscribeAsync("fan");

        await Stream("fan").OnNextBatchAsync(Enumerable.Range(0, 100));
        await fixture.Probe.WaitAsync("consumer:fan-a:100");
        await fixture.Probe.WaitAsync("consumer:fan-b:100");

        Assert.Equal(await a.GetReceivedAsync(), await b.GetReceivedAsync());
    }

    [Fact]
    public async Task An_unsubscribed_observer_receives_nothing_more()
    {
        var kept = new ConcurrentQueue<int>();
        var dropped = new ConcurrentQueue<int>();
        var keptAll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var droppedFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = Stream("unsubscribe");
        await stream.SubscribeAsync(i =>
        {
            kept.Enqueue(i);
            if (i == 2)
            {
                keptAll.TrySetResult();
            }

            return Task.CompletedTask;
        });
        var handle = await stream.SubscribeAsync(i =>
        {
            dropped.Enqueue(i);
            droppedFirst.TrySetResult();
            return Task.CompletedTask;
        });

        await stream.OnNextAsync(1);
        await droppedFirst.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await handle.UnsubscribeAsync();
        await stream.OnNextAsync(2);
        await keptAll.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2], kept);
        Assert.Equal([1], dropped);
    }

    [Fact]
    public async Task A_grain_subscription_ends_with_its_activation()
    {
        var consumer = fixture.Grains.GetGrain<IConsumerGrain>("short-lived");
        await consumer.SubscribeAsync("ends");
        await Stream("ends").OnNextAsync(1);
        await fixture.Probe.WaitAsync("consumer:short-lived:1");

        await consumer.DeactivateAsync();
        var received = await consumer.GetReceivedAsync(); // a new activation, not subscribed
        await Stream("ends").OnNextAsync(2);

        Assert.Empty(received);
        Assert.Empty(await consumer.GetReceivedAsync());
    }

    [Fact]
    public void Asking_for_a_stream_with_another_item_type_is_refused()
    {
        var provider = fixture.Cluster.Client.GetStreamProvider(StreamProviders.DefaultName);
        provider.GetStream<int>(StreamId.Create("typed", "k"));

        Assert.Throws<InvalidOperationException>(() => provider.GetStream<string>(StreamId.Create("typed", "k")));
    }

    [Fact]
    public void Asking_for_an_unregistered_stream_provider_names_it()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => fixture.Cluster.Client.GetStreamProvider("nope"));

        Assert.Contains("nope", error.Message);
    }
}
