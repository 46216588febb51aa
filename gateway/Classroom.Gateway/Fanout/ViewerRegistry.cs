using System.Collections.Concurrent;
using Classroom.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Classroom.Gateway.Fanout;

/// <summary>The hub's connections, with the <see cref="HubConnectionContext"/> the fan-out writes frames to.</summary>
internal sealed class ViewerRegistry(IOptions<GatewayOptions> options, TimeProvider time, ILogger<ViewerRegistry> logger)
{
    private readonly ConcurrentDictionary<string, Viewer> _viewers = new(StringComparer.Ordinal);

    public int Count => _viewers.Count;

    public IEnumerable<Viewer> All => _viewers.Values;

    public void Add(HubConnectionContext connection) =>
        _viewers[connection.ConnectionId] = new Viewer(connection, options.Value.MaxPendingFrames, time, logger);

    public Viewer Get(string connectionId) =>
        _viewers.TryGetValue(connectionId, out var viewer) ? viewer : throw new ClassroomStateException(Refusals.HubConnectionClosing);

    public void Remove(string connectionId)
    {
        if (_viewers.TryRemove(connectionId, out var viewer))
        {
            viewer.Close();
        }
    }
}

/// <summary>SignalR's default lifetime manager, also telling the registry which connections exist.</summary>
internal sealed class FanoutLifetimeManager<THub>(ViewerRegistry viewers, ILogger<DefaultHubLifetimeManager<THub>> logger)
    : DefaultHubLifetimeManager<THub>(logger) where THub : Hub
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        viewers.Add(connection);
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        viewers.Remove(connection.ConnectionId);
        return base.OnDisconnectedAsync(connection);
    }
}
