using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

/// <summary>Each test moves its own cluster's clock, so it does not disturb the shared one.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task A_grain_calling_itself_fails_after_the_default_timeout_naming_grain_and_method()
    {
        var (cluster, probe) = await RuntimeTestCluster.StartAsync();
        await using var _ = cluster;
        var grain = cluster.Client.GetGrain<ICallerGrain>("self");
        await grain.PingAsync();

        var call = grain.CallSelfAsync();
        await probe.WaitAsync("calling-self:self");
        cluster.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        cluster.Time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Contains("ICallerGrain.CallSelfAsync", error.Message);
        Assert.Contains("caller/self", error.Message);
        Assert.Contains("30 s", error.Message);
    }

    [Fact]
    public async Task A_cycle_between_two_grains_fails_after_the_configured_timeout()
    {
        var (cluster, probe) = await RuntimeTestCluster.StartAsync(runtime: o => o.CallTimeout = TimeSpan.FromSeconds(5));
        await using var _ = cluster;
        var a = cluster.Client.GetGrain<ICallerGrain>("a");

        var call = a.CallPeerAsync("b", 2);
        await probe.WaitAsync("calling-peer:b:1");
        cluster.Time.Advance(TimeSpan.FromSeconds(5));

        // Which link of the cycle reports first is not fixed; every link names the method, its grain and the timeout.
        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Matches(@"The call ICallerGrain\.CallPeerAsync to grain caller/[ab] did not complete within 5 s", error.Message);

        // The inner calls time out too, so the grains are free again.
        cluster.Time.Advance(TimeSpan.FromSeconds(5));
        await a.PingAsync();
        await cluster.Client.GetGrain<ICallerGrain>("b").PingAsync();
    }
}
