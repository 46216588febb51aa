using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Runtime;
using Classroom.Runtime.Streams;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// The classrooms this gateway serves: subscribes to a classroom's stream when its first connection joins, unsubscribes
/// when its last leaves, and flushes every classroom on one short interval.
/// </summary>
internal sealed class ClassroomFanout(IClusterClient client, IOptions<GatewayOptions> options, TimeProvider time, ILogger<ClassroomFanout> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ClassroomChannel> _channels = new(StringComparer.Ordinal);
    private volatile ClassroomChannel[] _snapshot = [];

    /// <summary>Classrooms with at least one connection here (one stream subscription each).</summary>
    public int ClassroomCount => _snapshot.Length;

    public GatewayOptions Options => options.Value;

    /// <summary>Adds the viewer to the classroom, holding frames until the join completes; rejoining resets the membership.</summary>
    public async Task<Membership> AttachAsync(Viewer viewer, string classroomId)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_channels.TryGetValue(classroomId, out var channel))
            {
                channel = new ClassroomChannel(classroomId, client.GetGrain<IClassroomGrain>(classroomId), logger);
                channel.Subscription = await client.GetStreamProvider(StreamProviders.DefaultName)
                    .GetStream<ClassroomEventBatch>(StreamId.Create(ClassroomStreams.Namespace, classroomId))
                    .SubscribeAsync(channel);
                _channels[classroomId] = channel;
                _snapshot = [.. _channels.Values];
            }

            if (viewer.Memberships.TryGetValue(classroomId, out var existing))
            {
                channel.WithLock(existing.Rejoin);
                return existing;
            }

            var membership = new Membership(channel, viewer, time);
            channel.Add(membership);
            viewer.Memberships[classroomId] = membership;
            return membership;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DetachAsync(Membership membership)
    {
        await _gate.WaitAsync();
        try
        {
            membership.Viewer.Memberships.TryRemove(new KeyValuePair<string, Membership>(membership.Channel.ClassroomId, membership));
            var channel = membership.Channel;
            if (channel.Remove(membership) == 0 && _channels.Remove(channel.ClassroomId))
            {
                _snapshot = [.. _channels.Values];
                await channel.Subscription!.UnsubscribeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
    }

    public void FlushAll()
    {
        var now = time.GetUtcNow();
        foreach (var channel in _snapshot)
        {
            foreach (var slow in channel.Flush(now, options.Value.MaxWriteStall, options.Value.SlowViewerTimeout))
            {
                FanoutLog.SlowViewerDisconnected(logger, slow.ConnectionId, channel.ClassroomId);
                slow.Connection.Abort();
            }
        }
    }
}
