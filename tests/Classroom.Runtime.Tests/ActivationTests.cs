using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class ActivationTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task Concurrent_first_calls_reach_a_single_activation()
    {
        const string key = "single-activation";
        var calls = Enumerable.Range(0, 500)
            .Select(_ => Task.Run(() => fixture.Grains.GetGrain<ICounterGrain>(key).GetActivationIdAsync()))
            .ToArray();

        var ids = await Task.WhenAll(calls);

        Assert.Single(ids.Distinct());
        Assert.Equal(1, fixture.Probe.Count("activations:" + key));
    }

    [Fact]
    public async Task Concurrent_calls_never_lose_an_update()
    {
        var counter = fixture.Grains.GetGrain<ICounterGrain>("no-lost-updates");

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.IncrementAsync())));

        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1000, await counter.GetAsync());
    }

    [Fact]
    public async Task A_grain_that_asks_to_be_deactivated_gets_a_new_activation_on_the_next_call()
    {
        var counter = fixture.Grains.GetGrain<ICounterGrain>("asks-to-deactivate");
        var first = await counter.GetActivationIdAsync();

        await counter.DeactivateAsync();
        await fixture.Probe.WaitAsync($"deactivated:asks-to-deactivate:{first}");
        var second = await counter.GetActivationIdAsync();

        Assert.NotEqual(first, second);
        Assert.Contains("deactivated:asks-to-deactivate:ApplicationRequested", fixture.Probe.Entries("deactivated:asks-to-deactivate"));
    }

    [Fact]
    public async Task Calls_queued_behind_a_deactivation_reach_the_next_activation()
    {
        var counter = fixture.Grains.GetGrain<ICounterGrain>("queued-behind-deactivation");
        var first = await counter.GetActivationIdAsync();

        var deactivate = counter.DeactivateAsync();
        var next = counter.GetActivationIdAsync();
        await deactivate;

        Assert.NotEqual(first, await next);
    }

    [Fact]
    public async Task A_failed_activation_fails_the_call_with_the_grains_exception_and_the_next_call_activates_afresh()
    {
        var grain = fixture.Grains.GetGrain<IFlakyActivationGrain>("flaky");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetAttemptAsync());

        Assert.Equal("activation refused on first attempt", error.Message);
        Assert.Equal(2, await grain.GetAttemptAsync());
    }

    [Fact]
    public void Asking_for_a_grain_interface_nobody_implements_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.Grains.GetGrain<IUnimplementedGrain>("x"));

        Assert.Contains(nameof(IUnimplementedGrain), error.Message);
    }

    [Fact]
    public void Asking_for_an_interface_with_two_implementations_is_refused_with_both_names()
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.Grains.GetGrain<IGateOperations>("x"));

        Assert.Contains(nameof(GateGrain), error.Message);
        Assert.Contains(nameof(ReentrantGateGrain), error.Message);
    }

    [Fact]
    public void A_null_key_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => fixture.Grains.GetGrain<ICounterGrain>(null!));
    }

    [Fact]
    public void A_grain_cannot_be_created_outside_the_runtime()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ThrowingGrain());

        Assert.Contains("GetGrain", error.Message);
    }

    [Fact]
    public void References_to_the_same_grain_are_equal()
    {
        var a = fixture.Grains.GetGrain<ICounterGrain>("same");
        var b = fixture.Grains.GetGrain<ICounterGrain>("same");
        var c = fixture.Grains.GetGrain<ICounterGrain>("other");

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal("counter/same", ((Invocation.GrainReference)(object)a).GrainId.ToString());
    }
}

/// <summary>A grain interface with no implementation.</summary>
public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task PingAsync();
}
