using Classroom.Runtime.Concurrency;
using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests.Grains;

/// <summary>Methods that log entering, wait for the test to open their gate, then log leaving.</summary>
public interface IGateOperations : IGrainWithStringKey
{
    Task EnterAsync(string name);

    [ReadOnly]
    Task ReadAsync(string name);

    [AlwaysInterleave]
    Task<string[]> GetLogAsync();
}

public interface IGateGrain : IGateOperations;

public interface IReentrantGateGrain : IGateOperations;

public abstract class GateGrainBase(Probe probe) : Grain
{
    private readonly List<string> _log = [];

    public async Task EnterAsync(string name)
    {
        _log.Add("enter " + name);
        probe.Signal($"{GetPrimaryKeyString()}:entered:{name}");
        await probe.GateAsync($"{GetPrimaryKeyString()}:{name}");
        _log.Add("exit " + name);
    }

    public Task ReadAsync(string name) => EnterAsync(name);

    public Task<string[]> GetLogAsync() => Task.FromResult(_log.ToArray());
}

public sealed class GateGrain(Probe probe) : GateGrainBase(probe), IGateGrain;

[Reentrant]
public sealed class ReentrantGateGrain(Probe probe) : GateGrainBase(probe), IReentrantGateGrain;
