using System.Collections.Concurrent;
using System.Globalization;
using Classroom.Gateway.Fanout;
using Classroom.Gateway.Replay;
using Microsoft.AspNetCore.SignalR;

namespace Classroom.Gateway.Hubs;

/// <summary>
/// What the hub keeps per connection besides its fan-out outbox (<see cref="Viewer"/>): its language, its open replays
/// and the rate limits of its calls. Kept in SignalR's per-connection items, so it lives and dies with the connection.
/// </summary>
internal sealed class ConnectionState
{
    private static readonly object Key = new();

    /// <summary>
    /// The language its refusals are said in: decided once, when it connects, from its HTTP request (the <c>lang</c> query
    /// parameter on the hub's URL, the cookie, Accept-Language), so a page that changes language reconnects.
    /// </summary>
    public CultureInfo Language { get; set; } = CultureInfo.GetCultureInfo(Localization.ClassroomLanguages.Chinese);

    /// <summary>The replays this connection has open, by classroom id.</summary>
    public ConcurrentDictionary<string, ReplayPlayer> Replays { get; } = new(StringComparer.Ordinal);

    /// <summary>Rate limits of this connection's calls, by kind.</summary>
    public ConcurrentDictionary<string, TokenBucket> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>The state of the connection <paramref name="context"/> belongs to, made on first use.</summary>
    public static ConnectionState Of(HubCallerContext context)
    {
        lock (context.Items)
        {
            if (context.Items.TryGetValue(Key, out var state) && state is ConnectionState existing)
            {
                return existing;
            }

            var created = new ConnectionState();
            context.Items[Key] = created;
            return created;
        }
    }
}
