using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Classroom.Silo.Extensions;

/// <summary>
/// The <c>Classroom:Cluster</c> section. <c>Mode</c> is <c>embedded</c> (the default: one silo in the process, localhost
/// clustering, SQLite) or <c>cluster</c> (silos and gateways as separate processes over Redis and PostgreSQL).
/// </summary>
public sealed class ClassroomClusterOptions
{
    public const string Section = "Classroom:Cluster";
    public const string Embedded = "embedded";
    public const string Cluster = "cluster";

    /// <summary><c>embedded</c> or <c>cluster</c>.</summary>
    public string Mode { get; set; } = Embedded;

    /// <summary>The Redis server holding the membership table (StackExchange.Redis configuration string).</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>Names the cluster: silos and gateways of one cluster share it; clusters can share a Redis server.</summary>
    public string ClusterId { get; set; } = "classroom";

    /// <summary>The address a silo listens on and advertises to the others.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port silos call this silo on; 0 takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>The port gateways (Orleans clients) connect to this silo on; 0 takes a free one.</summary>
    public int GatewayPort { get; set; }

    /// <summary>How long a silo waits for a probe's answer before counting it missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many probes in a row a silo may miss before its prober votes it dead.</summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How many silos must vote a silo dead (Orleans asks for fewer when fewer silos are left to vote).</summary>
    public int VotesForDeath { get; set; } = 2;

    /// <summary>
    /// How long a gateway waits for a grain's answer. A call whose silo died in flight is only ever answered by this
    /// timeout (the gateway is an Orleans client: it is not told), so it bounds how long such a call hangs before the
    /// gateway sends it again (at least once). Grain calls take milliseconds; keep it a few seconds.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>True in cluster mode; refuses a mode it does not know.</summary>
    public bool IsCluster => Mode.ToLowerInvariant() switch
    {
        Embedded => false,
        Cluster => true,
        _ => throw new InvalidOperationException($"Classroom:Cluster:Mode is '{Mode}': use '{Embedded}' (one process) or '{Cluster}'."),
    };

    /// <summary>The section of <paramref name="configuration"/>, with defaults where it is silent.</summary>
    public static ClassroomClusterOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClassroomClusterOptions>() ?? new ClassroomClusterOptions();

    /// <summary>A port nothing listens on right now on <paramref name="address"/>, when <paramref name="port"/> is 0.</summary>
    public static int Resolve(int port, IPAddress address)
    {
        if (port != 0)
        {
            return port;
        }

        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
