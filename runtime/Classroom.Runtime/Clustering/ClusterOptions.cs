namespace Classroom.Runtime.Clustering;

/// <summary>Settings of a process that takes part in a cluster coordinated through Redis.</summary>
public sealed class ClusterOptions
{
    /// <summary>Names the cluster: every Redis key of the cluster starts with it, so clusters can share a server.</summary>
    public string ClusterId { get; set; } = "classroom";

    /// <summary>The Redis server (StackExchange.Redis configuration string), e.g. <c>127.0.0.1:6379</c>.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>A silo hosts grains and takes calls; a client (a gateway) only calls them.</summary>
    public ClusterRole Role { get; set; } = ClusterRole.Silo;

    /// <summary>The address a silo listens on and advertises to the others.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port a silo listens on; 0 takes a free one (advertised as it is).</summary>
    public int Port { get; set; }

    /// <summary>How often a member proves it is alive, and checks the others.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A member silent this long is declared dead by the first peer to notice; it never comes back.</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(3);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClusterId, nameof(ClusterId));
        ArgumentException.ThrowIfNullOrWhiteSpace(Redis, nameof(Redis));
        if (HeartbeatInterval <= TimeSpan.Zero || DeathTimeout < HeartbeatInterval * 3)
        {
            throw new ArgumentOutOfRangeException(nameof(DeathTimeout),
                $"Cluster HeartbeatInterval must be positive and DeathTimeout at least three heartbeats (now {HeartbeatInterval} and {DeathTimeout}).");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), $"Cluster Port {Port} is not a TCP port (0 takes a free one).");
        }
    }
}

/// <summary>What a cluster member does.</summary>
public enum ClusterRole
{
    /// <summary>Hosts grains and takes calls from the other members.</summary>
    Silo,

    /// <summary>Calls grains and subscribes to streams; hosts nothing (a gateway).</summary>
    Client,
}

/// <summary>One member of the cluster as the membership table records it.</summary>
/// <param name="Id">Unique per process start: a member that died never comes back under the same id.</param>
/// <param name="Role">What it does.</param>
/// <param name="Endpoint"><c>host:port</c> of a silo's listener; empty for a client.</param>
/// <param name="Alive">False once declared dead (or after leaving).</param>
public sealed record ClusterMember(string Id, ClusterRole Role, string Endpoint, bool Alive)
{
    /// <summary>Parses a table entry <c>status|role|endpoint</c>.</summary>
    internal static ClusterMember Parse(string id, string entry)
    {
        var parts = entry.Split('|', 3);
        if (parts.Length != 3)
        {
            throw new FormatException($"Membership entry of {id} is not status|role|endpoint: '{entry}'.");
        }

        return new ClusterMember(id, parts[1] == "S" ? ClusterRole.Silo : ClusterRole.Client, parts[2], parts[0] == "A");
    }

    /// <summary>The entry without its status, as a member writes it: <c>role|endpoint</c>.</summary>
    internal string Descriptor => $"{(Role == ClusterRole.Silo ? "S" : "C")}|{Endpoint}";
}
