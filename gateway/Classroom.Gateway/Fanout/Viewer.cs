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

    public Viewer(HubConnectionContext connection, int maxPendingFrames, ILogger logger)
    {
        Connection = connection;
        _logger = logger;
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

    /// <summary>Rate limits of this connection's calls, by kind.</summary>
    public ConcurrentDictionary<string, TokenBucket> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>Queues a frame; false if the outbox is full (the viewer is too far behind).</summary>
    public bool TryEnqueue(SerializedHubMessage frame) => _outbox.Writer.TryWrite(frame);

    public bool IsDrained => _outbox.Reader.Count == 0;

    public void Close() => _outbox.Writer.TryComplete();

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync())
            {
                await Connection.WriteAsync(frame);
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
