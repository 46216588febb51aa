using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class TurnTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task Calls_run_in_the_order_they_were_sent()
    {
        var counter = fixture.Grains.GetGrain<ICounterGrain>("arrival-order");

        var calls = Enumerable.Range(0, 2000).Select(_ => counter.IncrementAsync()).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(1, 2000), results);
    }

    [Fact]
    public async Task A_call_waits_until_the_running_call_completes()
    {
        var gate = fixture.Grains.GetGrain<IGateGrain>("non-reentrant");
        var first = gate.EnterAsync("a");
        await fixture.Probe.WaitAsync("non-reentrant:entered:a");

        var second = gate.EnterAsync("b");
        // GetLogAsync interleaves: it shows what ran so far, and "b" must not have started while "a" is inside.
        Assert.Equal(["enter a"], await gate.GetLogAsync());

        fixture.Probe.Open("non-reentrant:a");
        await first;
        await fixture.Probe.WaitAsync("non-reentrant:entered:b");
        fixture.Probe.Open("non-reentrant:b");
        await second;

        Assert.Equal(["enter a", "exit a", "enter b", "exit b"], await gate.GetLogAsync());
    }

    [Fact]
    public async Task Calls_to_a_reentrant_grain_interleave_at_await_points()
    {
        var gate = fixture.Grains.GetGrain<IReentrantGateGrain>("reentrant");
        var first = gate.EnterAsync("a");
        await fixture.Probe.WaitAsync("reentrant:entered:a");

        var second = gate.EnterAsync("b");
        await fixture.Probe.WaitAsync("reentrant:entered:b");
        fixture.Probe.Open("reentrant:b");
        await second;
        fixture.Probe.Open("reentrant:a");
        await first;

        Assert.Equal(["enter a", "enter b", "exit b", "exit a"], await gate.GetLogAsync());
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_a_writer()
    {
        var gate = fixture.Grains.GetGrain<IGateGrain>("read-only");
        var read1 = gate.ReadAsync("r1");
        await fixture.Probe.WaitAsync("read-only:entered:r1");
        var read2 = gate.ReadAsync("r2");
        await fixture.Probe.WaitAsync("read-only:entered:r2");

        var write = gate.EnterAsync("w");
        var read3 = gate.ReadAsync("r3");
        // The writer waits for both readers; the third reader queues behind the writer rather than overtaking it.
        Assert.Equal(["enter r1", "enter r2"], await gate.GetLogAsync());

        fixture.Probe.Open("read-only:r1");
        await read1;
        fixture.Probe.Open("read-only:r2");
        await read2;
        await fixture.Probe.WaitAsync("read-only:entered:w");
        Assert.Equal(["enter r1", "enter r2", "exit r1", "exit r2", "enter w"], await gate.GetLogAsync());

        fixture.Probe.Open("read-only:w");
        fixture.Probe.Open("read-only:r3");
        await Task.WhenAll(write, read3);
        Assert.Equal(["enter r1", "enter r2", "exit r1", "exit r2", "enter w", "exit w", "enter r3", "exit r3"], await gate.GetLogAsync());
    }
}
