using Orleans.Runtime;

namespace Classroom.Gateway.Cluster;

/// <summary>
/// Calls from a gateway whose target silo died are sent again once the cluster has moved on: Orleans fails a call in
/// flight to a silo that is declared dead (<see cref="SiloUnavailableException"/>) or that refuses connections meanwhile
/// (<see cref="OrleansMessageRejectionException"/>, <see cref="Orleans.Runtime.Messaging.ConnectionFailedException"/>),
/// and a call that a live silo forwarded to the dead one is never answered: it times out
/// (<c>Classroom:Cluster:CallTimeout</c>). Resending then reaches a new activation, rebuilt from storage, on a live
/// silo. A user's action thus waits out a failover instead of failing.
/// </summary>
/// <remarks>
/// At least once: a silo that died after committing an action but before answering gets the action again from the
/// resend (for a chat, a second message), and so does a call that took longer than the timeout on a live silo. The
/// classroom refuses what cannot repeat (a second vote replaces the first).
/// </remarks>
internal sealed partial class SiloFailoverRetry(TimeProvider time, ILogger<SiloFailoverRetry> logger) : IOutgoingGrainCallFilter
{
    /// <summary>How long a call keeps trying while the cluster recovers: longer than death detection with room to spare.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var deadline = time.GetUtcNow() + Patience;
        while (true)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException
                or TimeoutException && time.GetUtcNow() < deadline)
            {
                Resending(logger, context.InterfaceName, context.MethodName, context.TargetId.ToString(), e.GetType().Name);
                await Task.Delay(Pause, time);
            }
        }
    }

    [LoggerMessage(51, LogLevel.Warning, "Resending {Interface}.{Method} to {Grain}: its silo is gone ({Error})")]
    private static partial void Resending(ILogger logger, string @interface, string method, string grain, string error);
}
