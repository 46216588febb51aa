using Classroom.Runtime.Tests.Fixtures;

namespace Classroom.Runtime.Tests.Grains;

public interface ICallerGrain : IGrainWithStringKey
{
    Task PingAsync();

    Task CallSelfAsync();

    Task CallPeerAsync(string peerKey, int hops);
}

public sealed class CallerGrain(Probe probe) : Grain, ICallerGrain
{
    public Task PingAsync() => Task.CompletedTask;

    public Task CallSelfAsync()
    {
        var self = GrainFactory.GetGrain<ICallerGrain>(GetPrimaryKeyString());
        var call = self.PingAsync();
        probe.Signal("calling-self:" + GetPrimaryKeyString());
        return call;
    }

    public Task CallPeerAsync(string peerKey, int hops)
    {
        if (hops == 0)
        {
            return Task.CompletedTask;
        }

        var call = GrainFactory.GetGrain<ICallerGrain>(peerKey).CallPeerAsync(GetPrimaryKeyString(), hops - 1);
        probe.Signal($"calling-peer:{GetPrimaryKeyString()}:{hops}");
        return call;
    }
}
