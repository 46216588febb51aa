using Classroom.Runtime.Concurrency;
using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Timers;

namespace Classroom.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task StopAsync();

    Task<int> GetTicksAsync();

    [AlwaysInterleave]
    Task<int> PeekTicksAsync();

    Task HoldAsync();
}

public sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private bool _inCall;

    public Task StartAsync(TimeSpan period)
    {
        _timer = RegisterGrainTimer(_ => Tick(), period, period);
        return Task.CompletedTask;
    }

    private Task Tick()
    {
        if (_inCall)
        {
            probe.Log("timer overlapped a call");
        }

        _ticks++;
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> GetTicksAsync() => Task.FromResult(_ticks);

    public Task<int> PeekTicksAsync() => Task.FromResult(_ticks);

    public async Task HoldAsync()
    {
        _inCall = true;
        probe.Signal("holding:" + GetPrimaryKeyString());
        await probe.GateAsync("hold:" + GetPrimaryKeyString());
        _inCall = false;
    }
}
