using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task A_grain_timer_ticks_once_per_period_of_the_injected_clock()
    {
        var (cluster, _) = await RuntimeTestCluster.StartAsync();
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<ITimerGrain>("ticker");
        await grain.StartAsync(TimeSpan.FromSeconds(2));

        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await grain.GetTicksAsync());
        for (var expected = 1; expected <= 3; expected++)
        {
            cluster.Time.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(expected, await grain.GetTicksAsync());
        }

        await grain.StopAsync();
        cluster.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, await grain.GetTicksAsync());
    }

    [Fact]
    public async Task A_timer_tick_waits_for_the_running_call_like_any_turn()
    {
        var (cluster, probe) = await RuntimeTestCluster.StartAsync();
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<ITimerGrain>("patient");
        await grain.StartAsync(TimeSpan.FromSeconds(1));
        var hold = grain.HoldAsync();
        await probe.WaitAsync("holding:patient");

        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await grain.PeekTicksAsync());

        probe.Open("hold:patient");
        await hold;
        Assert.Equal(1, await grain.GetTicksAsync());
        Assert.Empty(probe.Entries("timer overlapped"));
    }

    [Fact]
    public async Task Timers_end_with_their_activation()
    {
        var (cluster, probe) = await RuntimeTestCluster.StartAsync(runtime: o => o.CollectionAge = TimeSpan.FromMinutes(1));
        await using var __ = cluster;
        var grain = cluster.Client.GetGrain<ITimerGrain>("mortal");
        await grain.StartAsync(TimeSpan.FromMinutes(10));
        var armed = cluster.Time.ActiveTimers;

        // An armed timer does not keep its grain alive: the grain is collected, and the timer goes with it.
        cluster.Time.Advance(TimeSpan.FromMinutes(2));
        await grain.PeekTicksAsync();

        Assert.Equal(armed - 1, cluster.Time.ActiveTimers);
        Assert.Equal(0, await grain.GetTicksAsync());
    }
}
