using Classroom.Runtime.Storage;
using Classroom.Runtime.Streams;
using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests.Grains;

/// <summary>The name of the silo a host runs, for grains to report where they live.</summary>
public sealed record SiloName(string Value);

/// <summary>Reports where it runs; calls others; keeps a persisted count; publishes on its stream.</summary>
public interface IPlacementGrain : IGrainWithStringKey
{
    /// <summary><c>silo/activation</c>: which silo and which activation answered.</summary>
    Task<string> WhereAsync();

    /// <summary>Asks another placement grain where it lives, from this grain.</summary>
    Task<string> AskAsync(string otherKey);

    /// <summary>Adds to a persisted count and returns it.</summary>
    Task<int> AddAsync(int amount);

    /// <summary>Throws an <see cref="InvalidOperationException"/> with <paramref name="message"/>.</summary>
    Task FailAsync(string message);

    /// <summary>Publishes <paramref name="count"/> numbers, from <paramref name="first"/>, on stream <c>placement/key</c>.</summary>
    Task PublishAsync(int first, int count);
}

[GrainType("placement")]
public sealed class PlacementGrain([PersistentState("placement")] IPersistentState<CounterState> state, SiloName silo, Probe probe) : Grain, IPlacementGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N")[..8];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Increment("placement-activations:" + GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task<string> WhereAsync() => Task.FromResult($"{silo.Value}/{_activationId}");

    public Task<string> AskAsync(string otherKey) => GrainFactory.GetGrain<IPlacementGrain>(otherKey).WhereAsync();

    public async Task<int> AddAsync(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public Task PublishAsync(int first, int count) =>
        GetStreamProvider(StreamProviders.DefaultName).GetStream<int>(StreamId.Create("placement", GetPrimaryKeyString()))
            .OnNextBatchAsync(Enumerable.Range(first, count));
}
