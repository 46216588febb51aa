using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Classroom.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace Classroom.Runtime.Clustering;

/// <summary>
/// Carries calls across the cluster. A call goes to the grain's activation here when this silo owns the grain, and
/// otherwise, as a frame over TCP, to the owner the directory names. Calls wait for their outcome under the runtime's
/// call timeout. When a connection breaks, the calls on it wait for the membership's verdict: once their silo is
/// declared dead they are sent once more, to wherever the directory places the grain now.
/// </summary>
internal sealed partial class ClusterRouter : IGrainCallInvoker, IFrameHandler, IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly ClusterMembership _membership;
    private readonly GrainDirectory _directory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SiloConnection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly ConcurrentDictionary<PendingCall, byte> _orphans = new();
    private readonly ConcurrentDictionary<SiloConnection, byte> _accepted = new();
    private TcpListener? _listener;
    private long _nextCallId;

    public ClusterRouter(GrainRuntime runtime, ClusterMembership membership, GrainDirectory directory, ILogger logger)
    {
        _runtime = runtime;
        _membership = membership;
        _directory = directory;
        _logger = logger;
        membership.MemberDied += OnMemberDied;
    }

    private JsonSerializerOptions Json => _runtime.Serializer.Options;

    private bool IsSilo => _membership.Self?.Role == ClusterRole.Silo;

    /// <summary>Calls in flight to other members (sent, or waiting for a dead member's verdict).</summary>
    public int PendingCount => _pending.Count + _orphans.Count;

    /// <summary>Starts accepting connections from other members; returns the endpoint to advertise.</summary>
    public string Listen(string host, int port)
    {
        _listener = new TcpListener(IPAddress.Parse(host), port);
        _listener.Server.NoDelay = true;
        _listener.Start(backlog: 512);
        _ = AcceptLoopAsync(_listener);
        return $"{host}:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var connection = SiloConnection.Accept(socket, this);
            _accepted[connection] = 0;
        }
    }

    public void Send(GrainReference target, GrainRequest request) => Route(target.GrainId, request, target, attempt: 0, _runtime.Deadline());

    /// <summary>Sends a call to wherever its grain lives (this silo included); <paramref name="attempt"/> counts resends.</summary>
    private void Route(GrainId grainId, GrainRequest request, GrainReference? target, int attempt, long deadline)
    {
        if (_membership.Self is null || _membership.IsFenced)
        {
            request.TryFail(new SiloUnavailableException(_membership.IsFenced
                ? $"This member was declared dead by the cluster: {request.Method.DisplayName} to grain {grainId} cannot run here."
                : $"This member has not joined the cluster yet: {request.Method.DisplayName} to grain {grainId} cannot be sent."));
            return;
        }

        if (IsSilo && _runtime.Catalog.Find(grainId) is not null)
        {
            _runtime.Catalog.Send(grainId, request, target);
            return;
        }

        if (_directory.CachedOwner(grainId) is { } owner)
        {
            Dispatch(owner, grainId, request, target, attempt, deadline);
            return;
        }

        _ = ResolveAndDispatchAsync(grainId, request, target, attempt, deadline);
    }

    private async Task ResolveAndDispatchAsync(GrainId grainId, GrainRequest request, GrainReference? target, int attempt, long deadline)
    {
        string owner;
        try
        {
            owner = await _directory.ResolveAsync(grainId);
        }
        catch (Exception e)
        {
            request.TryFail(e as SiloUnavailableException
                ?? new SiloUnavailableException($"The grain directory could not place grain {grainId} ({e.GetType().Name}: {e.Message})."));
            return;
        }

        Dispatch(owner, grainId, request, target, attempt, deadline, resolved: true);
    }

    private void Dispatch(string owner, GrainId grainId, GrainRequest request, GrainReference? target, int attempt, long deadline, bool resolved = false)
    {
        if (owner == _membership.Self.Id)
        {
            _runtime.Catalog.Send(grainId, request, target);
            return;
        }

        var member = _membership.Find(owner);
        if (member is null || !member.Alive)
        {
            if (resolved)
            {
                request.TryFail(new SiloUnavailableException($"Silo {owner}, which the directory names for grain {grainId}, is not in this member's view."));
                return;
            }

            _ = ResolveAndDispatchAsync(grainId, request, target, attempt, deadline);
            return;
        }

        var call = new PendingCall(Interlocked.Increment(ref _nextCallId), grainId, request, owner, attempt, deadline);
        byte[] frame;
        try
        {
            frame = RequestFrame(call);
        }
        catch (Exception e)
        {
            request.TryFail(e);
            return;
        }

        var connection = ConnectionTo(member);
        call.Connection = connection;
        _pending[call.Id] = call;
        if (!connection.TrySend(frame) && _pending.TryRemove(call.Id, out _))
        {
            Lost(call);
        }
    }

    private SiloConnection ConnectionTo(ClusterMember member)
    {
        while (true)
        {
            if (_connections.TryGetValue(member.Id, out var existing) && !existing.IsClosed)
            {
                return existing;
            }

            var created = SiloConnection.Connect(member.Id, member.Endpoint, this);
            if (existing is null ? _connections.TryAdd(member.Id, created) : _connections.TryUpdate(member.Id, created, existing))
            {
                return created;
            }

            created.Close();
        }
    }

    private byte[] RequestFrame(PendingCall call)
    {
        var buffer = new FrameBuffer(FrameKind.Request, call.Id);
        var remaining = (_runtime.TimeProvider.GetTimestamp() - call.Deadline) * -1000 / _runtime.TimeProvider.TimestampFrequency;
        buffer.WriteInt32((int)Math.Clamp(remaining, 1, int.MaxValue));
        buffer.WriteString(call.GrainId.Type);
        buffer.WriteString(call.GrainId.Key);
        buffer.WriteString(call.Request.Method.Key);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            call.Request.WriteArguments(writer, Json);
        }

        return buffer.ToFrame();
    }

    public void OnClosed(SiloConnection connection)
    {
        _accepted.TryRemove(connection, out _);
        if (connection.MemberId is { } memberId)
        {
            _connections.TryRemove(new KeyValuePair<string, SiloConnection>(memberId, connection));
        }

        foreach (var call in _pending.Values)
        {
            if (call.Connection == connection && _pending.TryRemove(call.Id, out _))
            {
                Lost(call);
            }
        }
    }

    /// <summary>A call whose connection broke: resent once its silo is declared dead, or failed at its deadline.</summary>
    private void Lost(PendingCall call)
    {
        if (call.Attempt > 0)
        {
            call.Request.TryFail(new SiloUnavailableException(
                $"{call.Request.Method.DisplayName} to grain {call.GrainId} was lost twice with the silos running it."));
            return;
        }

        _orphans[call] = 0;
        if (!_membership.IsAlive(call.Owner))
        {
            Resend(call);
        }
    }

    private void Resend(PendingCall call)
    {
        if (_orphans.TryRemove(call, out _))
        {
            CallResent(_logger, call.Request.Method.DisplayName, call.GrainId, call.Owner);
            Route(call.GrainId, call.Request, target: null, call.Attempt + 1, call.Deadline);
        }
    }

    private void OnMemberDied(ClusterMember member)
    {
        // A member declared dead may still hold an open socket (a paused process): close it so its calls come back.
        if (_connections.TryGetValue(member.Id, out var connection))
        {
            connection.Close();
        }

        foreach (var call in _orphans.Keys)
        {
            if (call.Owner == member.Id)
            {
                Resend(call);
            }
        }
    }

    /// <summary>Fails calls past their deadline; called on the heartbeat.</summary>
    public void ExpireCalls()
    {
        var now = _runtime.TimeProvider.GetTimestamp();
        foreach (var call in _pending.Values)
        {
            if (now >= call.Deadline && _pending.TryRemove(call.Id, out _))
            {
                TimedOut(call);
            }
        }

        foreach (var call in _orphans.Keys)
        {
            if (now >= call.Deadline && _orphans.TryRemove(call, out _))
            {
                TimedOut(call);
            }
        }
    }

    private void TimedOut(PendingCall call)
    {
        if (call.Request.TryFail(GrainCallTimeoutException.For(call.GrainId, call.Request.Method.DisplayName, _runtime.Options.CallTimeout)))
        {
            _runtime.Metrics.CallTimedOut();
        }
    }

    public ValueTask DisposeAsync()
    {
        _listener?.Stop();
        foreach (var connection in _connections.Values.Concat(_accepted.Keys))
        {
            connection.Close();
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(111, LogLevel.Warning, "Resending {Method} to grain {GrainId}: silo {MemberId} died with it in flight")]
    private static partial void CallResent(ILogger logger, string method, GrainId grainId, string memberId);
}
