using System.Collections.Concurrent;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// The classrooms this gateway serves: subscribes to a classroom grain (as an <see cref="IClassroomObserver"/>) when
/// its first connection joins, unsubscribes when its last leaves, renews every subscription on a short interval, and
/// flushes every classroom on a shorter one. Renewing is also how a gateway finds a classroom again after its silo
/// died: the renewal reaches the new activation, which reports its committed seq, and the gap is read from the log.
/// </summary>
internal sealed partial class ClassroomFanout(IClusterClient client, IOptions<GatewayOptions> options, TimeProvider time, ILogger<ClassroomFanout> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, ClassroomChannel> _channels = new(StringComparer.Ordinal);
    private volatile ClassroomChannel[] _snapshot = [];

    /// <summary>Classrooms with at least one connection here (one subscription each).</summary>
    public int ClassroomCount => _snapshot.Length;

    public GatewayOptions Options => options.Value;

    /// <summary>Adds the viewer to the classroom, holding frames until the join completes; rejoining resets the membership.</summary>
    public async Task<Membership> AttachAsync(Viewer viewer, string classroomId)
    {
        while (true)
        {
            var channel = _channels.GetOrAdd(classroomId, id => new ClassroomChannel(id, client.GetGrain<IClassroomGrain>(id), logger));
            if (!channel.Subscribed)
            {
                // Only a classroom's first joiners wait for its subscription; renewals keep it afterwards.
                await SubscribeAsync(channel, renew: false);
            }

            if (viewer.Memberships.TryGetValue(classroomId, out var existing) && existing.Channel == channel)
            {
                channel.Rejoin(existing);
                return existing;
            }

            var membership = new Membership(channel, viewer, time);
            if (channel.TryAdd(membership))
            {
                viewer.Memberships[classroomId] = membership;
                Changed();
                return membership;
            }

            // The channel closed between finding it and joining it: its last viewer left meanwhile. Make a new one.
            _channels.TryRemove(new KeyValuePair<string, ClassroomChannel>(classroomId, channel));
        }
    }

    public async Task DetachAsync(Membership membership)
    {
        var channel = membership.Channel;
        membership.Viewer.Memberships.TryRemove(new KeyValuePair<string, Membership>(channel.ClassroomId, membership));
        if (channel.Remove(membership))
        {
            _channels.TryRemove(new KeyValuePair<string, ClassroomChannel>(channel.ClassroomId, channel));
            Changed();
            await UnsubscribeAsync(channel);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var renewing = RenewLoopAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                FlushAll();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }

        await renewing;
    }

    public void FlushAll()
    {
        var now = time.GetUtcNow();
        foreach (var channel in _snapshot)
        {
            foreach (var slow in channel.Flush(now, options.Value.MaxWriteStall, options.Value.SlowViewerTimeout))
            {
                FanoutLog.SlowViewerDisconnected(logger, slow.ConnectionId, channel.ClassroomId);
                slow.Cut();
            }
        }
    }

    /// <summary>Renews every subscription; what a renewal says was committed and never arrives is read from the log at a flush.</summary>
    public Task RenewAllAsync() => Task.WhenAll(_snapshot.Select(channel => SubscribeAsync(channel, renew: true)));

    private async Task RenewLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SubscriptionRenewal, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RenewAllAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Subscribes (or renews) one classroom; a failure is logged and retried at the next renewal.</summary>
    private async Task SubscribeAsync(ClassroomChannel channel, bool renew)
    {
        await channel.Subscribing.WaitAsync();
        try
        {
            if (channel.Closed || (channel.Subscribed && !renew))
            {
                return;
            }

            channel.Reference ??= client.CreateObjectReference<IClassroomObserver>(channel);
            channel.NoteCommitted(await client.GetGrain<IClassroomGrain>(channel.ClassroomId).SubscribeAsync(channel.Reference));
            channel.Subscribed = true;
        }
        catch (Exception e)
        {
            SubscribeFailed(logger, e, channel.ClassroomId);
        }
        finally
        {
            channel.Subscribing.Release();
        }
    }

    private async Task UnsubscribeAsync(ClassroomChannel channel)
    {
        await channel.Subscribing.WaitAsync();
        try
        {
            if (channel.Reference is { } reference)
            {
                await client.GetGrain<IClassroomGrain>(channel.ClassroomId).UnsubscribeAsync(reference);
                client.DeleteObjectReference<IClassroomObserver>(reference);
                channel.Reference = null;
            }
        }
        catch (Exception e)
        {
            // The subscription lapses by itself (Classroom:Classrooms:SubscriptionLifetime).
            SubscribeFailed(logger, e, channel.ClassroomId);
        }
        finally
        {
            channel.Subscribing.Release();
        }
    }

    private void Changed() => _snapshot = [.. _channels.Values];

    [LoggerMessage(43, LogLevel.Warning, "Classroom {ClassroomId}: subscribing to its events failed; retrying at the next renewal")]
    private static partial void SubscribeFailed(ILogger logger, Exception exception, string classroomId);
}
