using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests.Grains;

public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<int> GetAttemptAsync();
}

/// <summary>Refuses its first activation, as a grain whose storage was briefly unreachable would.</summary>
public sealed class FlakyActivationGrain(Probe probe) : Grain, IFlakyActivationGrain
{
    private int _attempt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _attempt = probe.Increment("flaky:" + GetPrimaryKeyString());
        return _attempt == 1
            ? throw new InvalidOperationException("activation refused on first attempt")
            : Task.CompletedTask;
    }

    public Task<int> GetAttemptAsync() => Task.FromResult(_attempt);
}
