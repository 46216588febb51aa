using System.Collections.Concurrent;
using Classroom.Gateway.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Fanout;

/// <summary>
/// One hub connection: a bounded outbox of frames, written to the connection in order. Putting a frame in never waits,
/// so a slow viewer never holds up a classroom or the other viewers; a full outbox marks it as lagging. Whoever calls
/// <see cref="Drain"/> writes the queued frames on its own thread while the connection takes them at once (the usual
/// case: a write only copies into the connection's buffer), and leaves the rest to a continuation when one has to wait;
/// a write at a time, so frames keep their order.
/// </summary>
internal sealed class Viewer
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<SerializedHubMessage> _outbox = new();
    private readonly int _maxPendingFrames;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private List<Membership>? _drainWatchers;
    private bool _draining;
    private bool _isClosed;
    private long _writeStartedAt;

    public Viewer(HubConnectionContext connection, int maxPendingFrames, TimeProvider time, ILogger logger)
    {
        Connection = connection;
        _maxPendingFrames = maxPendingFrames;
        _logger = logger;
        _time = time;
    }

    public HubConnectionContext Connection { get; }

    public string ConnectionId => Connection.ConnectionId;

    public CurrentUser User => CurrentUser.From(Connection.User);

    /// <summary>The classrooms this connection has joined.</summary>
    public ConcurrentDictionary<string, Membership> Memberships { get; } = new(StringComparer.Ordinal);

    /// <summary>Queues a frame; false if the outbox is full (the viewer is too far behind). <see cref="Drain"/> sends it.</summary>
    public bool TryEnqueue(SerializedHubMessage frame) => TryEnqueue(frame, _maxPendingFrames);

    /// <summary>
    /// Queues a frame that may be dropped (a laser pointer) only while the outbox is at most half full: what a slow
    /// viewer has room for is kept for events. False when it was not queued.
    /// </summary>
    public bool TryEnqueueDroppable(SerializedHubMessage frame) => TryEnqueue(frame, Math.Max(1, _maxPendingFrames / 2));

    private bool TryEnqueue(SerializedHubMessage frame, int limit)
    {
        lock (_lock)
        {
            if (_isClosed)
            {
                // The connection is going; its disconnect handler detaches it from its classrooms.
                return true;
            }

            if (_outbox.Count >= limit)
            {
                return false;
            }

            _outbox.Enqueue(frame);
            return true;
        }
    }

    /// <summary>
    /// Calls <see cref="ClassroomChannel.OnViewerDrained"/> once, on the thread pool, the next time the outbox is empty (now,
    /// if it is). Never inline: the caller may hold a classroom's lock, and the call takes one.
    /// </summary>
    public void NotifyWhenDrained(Membership membership)
    {
        lock (_lock)
        {
            if (_outbox.Count > 0 || _draining)
            {
                _drainWatchers ??= [];
                if (!_drainWatchers.Contains(membership))
                {
                    _drainWatchers.Add(membership);
                }

                return;
            }
        }

        Notify(membership);
    }

    private static void Notify(Membership membership) =>
        ThreadPool.UnsafeQueueUserWorkItem(static m => m.Channel.OnViewerDrained(m), membership, preferLocal: false);

    /// <summary>True when the write in progress has been blocked longer than <paramref name="limit"/>: the client is not reading.</summary>
    public bool IsStalled(TimeSpan limit)
    {
        var started = Volatile.Read(ref _writeStartedAt);
        return started != 0 && _time.GetElapsedTime(started) > limit;
    }

    /// <summary>
    /// Cuts the connection off: SignalR's abort, and the HTTP request under it (the WebSocket's TCP connection), since
    /// SignalR's goodbye is written with its flush waiting for room, and a client that does not read never makes any.
    /// </summary>
    public void Cut()
    {
        Close();
        Connection.Abort();
        Connection.GetHttpContext()?.Abort();
    }

    /// <summary>Completes when the connection is cut off or gone: nothing more is sent to it.</summary>
    public Task WhenClosedAsync() => _closed.Task;

    public void Close()
    {
        _closed.TrySetResult();
        lock (_lock)
        {
            _isClosed = true;
            _outbox.Clear();
            _drainWatchers = null;
        }
    }

    /// <summary>
    /// Writes what is queued, unless a write is already under way (it will write these too). Takes no classroom lock:
    /// safe to call holding one.
    /// </summary>
    public void Drain()
    {
        lock (_lock)
        {
            if (_draining || _outbox.Count == 0)
            {
                return;
            }

            _draining = true;
        }

        _ = WriteQueuedAsync();
    }

    /// <summary>
    /// Writes the queued frames in order, synchronously while writes complete at once (an async method runs on its
    /// caller's thread until its first await of something unfinished), then in a continuation.
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        try
        {
            while (TryTakeNext() is { } frame)
            {
                Volatile.Write(ref _writeStartedAt, _time.GetTimestamp());
                await Connection.WriteAsync(frame);
                Volatile.Write(ref _writeStartedAt, 0);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The connection is gone; its disconnect handler detaches it from its classrooms.
            FanoutLog.WriteFailed(_logger, e, ConnectionId);
            Close();
        }
    }

    /// <summary>The next frame, or null when the outbox is empty (the drain ends, and watchers hear of it).</summary>
    private SerializedHubMessage? TryTakeNext()
    {
        List<Membership>? watchers;
        lock (_lock)
        {
            if (_outbox.TryDequeue(out var frame))
            {
                return frame;
            }

            _draining = false;
            watchers = _drainWatchers;
            _drainWatchers = null;
        }

        foreach (var membership in watchers ?? [])
        {
            Notify(membership);
        }

        return null;
    }
}
