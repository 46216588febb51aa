using Classroom.Runtime.Clustering;
using Microsoft.Extensions.Configuration;

namespace Classroom.Silo.Extensions;

/// <summary>
/// The <c>Classroom:Cluster</c> section: <c>Mode</c> is <c>embedded</c> (the default: one process, in-process
/// streams, SQLite) or <c>cluster</c> (silos and gateways as separate processes over Redis and PostgreSQL); the other
/// keys are <see cref="ClusterOptions"/> (<c>Redis</c>, <c>ClusterId</c>, <c>Host</c>, <c>Port</c>,
/// <c>HeartbeatInterval</c>, <c>DeathTimeout</c>).
/// </summary>
public static class ClassroomCluster
{
    public const string Section = "Classroom:Cluster";
    public const string Embedded = "embedded";
    public const string Cluster = "cluster";

    public static bool IsClusterMode(IConfiguration configuration)
    {
        var mode = configuration[$"{Section}:Mode"] ?? Embedded;
        return mode.ToLowerInvariant() switch
        {
            Embedded => false,
            Cluster => true,
            _ => throw new InvalidOperationException($"Classroom:Cluster:Mode is '{mode}': use '{Embedded}' (one process) or '{Cluster}'."),
        };
    }

    public static void Bind(IConfiguration configuration, ClusterOptions options, ClusterRole role)
    {
        configuration.GetSection(Section).Bind(options);
        options.Role = role;
    }
}
