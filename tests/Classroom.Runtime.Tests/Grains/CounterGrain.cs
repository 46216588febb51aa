using Classroom.Runtime.Storage;
using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    ValueTask<int> AddAsync(int amount);

    ValueTask ResetAsync();

    Task SaveAsync();

    Task ClearAsync();

    Task<string?> GetEtagAsync();

    Task<string> GetActivationIdAsync();

    Task DeactivateAsync();
}

[GrainType("counter")]
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, Probe probe) : Grain, ICounterGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Increment("activations:" + GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Log($"deactivated:{GetPrimaryKeyString()}:{reason}");
        probe.Signal($"deactivated:{GetPrimaryKeyString()}:{_activationId}");
        return Task.CompletedTask;
    }

    public Task<int> IncrementAsync() => Task.FromResult(++state.State.Value);

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public async ValueTask<int> AddAsync(int amount)
    {
        await Task.Yield();
        state.State.Value += amount;
        return state.State.Value;
    }

    public ValueTask ResetAsync()
    {
        state.State.Value = 0;
        return ValueTask.CompletedTask;
    }

    public Task SaveAsync() => state.WriteStateAsync();

    public Task ClearAsync() => state.ClearStateAsync();

    public Task<string?> GetEtagAsync() => Task.FromResult(state.Etag);

    public Task<string> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
