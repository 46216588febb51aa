using System.Collections.Concurrent;
using System.Threading.Channels;
using Classroom.Gateway.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// One hub connection: a bounded outbox of frames, written to the connection in order by one pump. Putting a frame in
/// never waits, so a slow viewer never holds up a classroom or the other viewers; a full outbox marks it as lagging.
/// </summary>
internal sealed class Viewer
{
    private readonly Channel<SerializedHubMessage> _outbox;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _writeStartedAt;

    public Viewer(HubConnectionContext connection, int maxPendingFrames, TimeProvider time, ILogger logger)
    {
        Connection = connection;
        _logger = logger;
        _time = time;
        _outbox = Channel.CreateBounded<SerializedHubMessage>(new BoundedChannelOptions(maxPendingFrames)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _ = PumpAsync();
    }

    public HubConnectionContext Connection { get; }

    public string ConnectionId => Connection.ConnectionId;

    public CurrentUser User => CurrentUser.From(Connection.User);

    /// <summary>The classrooms this connection has joined.</summary>
    public ConcurrentDictionary<string, Membership> Memberships { get; } = new(StringComparer.Ordinal);

    /// <summary>The replays this connection has open, by classroom id.</summary>
    public ConcurrentDictionary<string, Replay.ReplayPlayer> Replays { get; } = new(StringComparer.Ordinal);

    /// <summary>Rate limits of this connection's calls, by kind.</summary>
    public ConcurrentDictionary<string, TokenBucket> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>Queues a frame; false if the outbox is full (the viewer is too far behind).</summary>
    public bool TryEnqueue(SerializedHubMessage frame) => _outbox.Writer.TryWrite(frame);

    public bool IsDrained => _outbox.Reader.Count == 0;

    /// <summary>True when the write in progress has been blocked longer than <paramref name="limit"/>: the client is not reading.</summary>
    public bool IsStalled(TimeSpan limit)
    {
        var started = Volatile.Read(ref _writeStartedAt);
        return started != 0 && _time.GetElapsedTime(started) > limit;
    }

    public void Close() => _outbox.Writer.TryComplete();

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync())
            {
                Volatile.Write(ref _writeStartedAt, _time.GetTimestamp());
                await Connection.WriteAsync(frame);
                Volatile.Write(ref _writeStartedAt, 0);
                if (_outbox.Reader.Count == 0)
                {
                    foreach (var membership in Memberships.Values)
                    {
                        membership.OnViewerDrained();
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The connection is gone; its disconnect handler detaches it from its classrooms.
            FanoutLog.WriteFailed(_logger, e, ConnectionId);
        }
    }
}
