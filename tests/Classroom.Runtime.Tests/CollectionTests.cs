using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

public sealed class CollectionTests
{
    [Fact]
    public async Task An_idle_activation_is_collected_after_the_collection_age()
    {
        var (cluster, probe) = await RuntimeTestCluster.StartAsync(runtime: o => o.CollectionAge = TimeSpan.FromMinutes(10));
        await using var _ = cluster;
        var counter = cluster.Client.GetGrain<ICounterGrain>("idle");
        var first = await counter.GetActivationIdAsync();

        cluster.Time.Advance(TimeSpan.FromMinutes(10));
        await probe.WaitAsync($"deactivated:idle:{first}");

        Assert.NotEqual(first, await counter.GetActivationIdAsync());
        Assert.Contains("deactivated:idle:IdleCollection", probe.Entries("deactivated:idle"));
    }

    [Fact]
    public async Task A_call_within_the_collection_age_keeps_the_activation_alive()
    {
        var (cluster, _) = await RuntimeTestCluster.StartAsync(runtime: o => o.CollectionAge = TimeSpan.FromMinutes(10));
        await using var __ = cluster;
        var counter = cluster.Client.GetGrain<ICounterGrain>("busy");
        var first = await counter.GetActivationIdAsync();

        cluster.Time.Advance(TimeSpan.FromMinutes(6));
        await counter.IncrementAsync();
        cluster.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(first, await counter.GetActivationIdAsync());
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_every_grain()
    {
        var (cluster, probe) = await RuntimeTestCluster.StartAsync();
        await cluster.Client.GetGrain<ICounterGrain>("s1").GetAsync();
        await cluster.Client.GetGrain<ICounterGrain>("s2").GetAsync();

        await cluster.DisposeAsync();

        Assert.Contains("deactivated:s1:ShuttingDown", probe.Entries("deactivated:s1"));
        Assert.Contains("deactivated:s2:ShuttingDown", probe.Entries("deactivated:s2"));
    }

    [Fact]
    public async Task A_call_through_a_stopped_silo_fails_saying_so()
    {
        var (cluster, _) = await RuntimeTestCluster.StartAsync();
        var counter = cluster.Client.GetGrain<ICounterGrain>("after-stop");
        await counter.IncrementAsync();
        await cluster.DisposeAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.IncrementAsync());

        Assert.Contains("silo has stopped", error.Message);
        Assert.Contains("ICounterGrain.IncrementAsync", error.Message);
    }
}
