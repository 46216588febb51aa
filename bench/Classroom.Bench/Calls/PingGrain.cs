namespace Classroom.Bench.Calls;

[Alias("IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    ValueTask<int> PingAsync(int value);

    /// <summary>How many pings this grain has answered.</summary>
    [Alias("Calls")]
    ValueTask<int> CallsAsync();
}

/// <summary>The smallest useful grain: it keeps a count, so every call is a real turn over grain state.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public ValueTask<int> PingAsync(int value)
    {
        _calls++;
        return ValueTask.FromResult(value + _calls);
    }

    public ValueTask<int> CallsAsync() => ValueTask.FromResult(_calls);
}
