using System.Net;
using Classroom.Grains;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Questions;
using Classroom.Grains.Replays;
using Classroom.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Providers;
using StackExchange.Redis;

namespace Classroom.Silo.Extensions;

/// <summary>The silo's registrations, shared by the silo host and any host that co-hosts a silo (the gateway).</summary>
public static class ClassroomSiloExtensions
{
    /// <summary>
    /// Calls the classroom grains of a cluster's silos from this process (a gateway in cluster mode): an Orleans client
    /// that hosts no grains and finds the silos through the Redis membership table.
    /// </summary>
    public static IHostApplicationBuilder AddClassroomClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        var cluster = ClassroomClusterOptions.From(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ClusterId));
            client.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(cluster));
            // A gateway whose silo died is dropped from the list at the next refresh; calls go to the others meanwhile.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.CallTimeout);
            configure?.Invoke(client);
        });
        return builder;
    }

    /// <summary>
    /// Hosts the classroom grains in this process: an Orleans silo with localhost clustering and SQLite under the data
    /// folder (the embedded default), or, in cluster mode, Redis clustering and PostgreSQL
    /// (<c>Classroom:Silo:Storage=postgresql</c>). Settings come from <c>Classroom:Silo</c>, <c>Classroom:Cluster</c>,
    /// <c>Classroom:Classrooms</c>, <c>Classroom:Replays</c> and <c>Classroom:Qa</c>.
    /// </summary>
    public static IHostApplicationBuilder AddClassroomSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        var silo = builder.Configuration.GetSection(ClassroomSiloOptions.Section).Get<ClassroomSiloOptions>() ?? new ClassroomSiloOptions();
        var cluster = ClassroomClusterOptions.From(builder.Configuration);
        builder.Services.AddOptions<ClassroomOptions>().Bind(builder.Configuration.GetSection(ClassroomOptions.Section)).Validate(
            ClassroomOptions.IsValid, "Classroom:Classrooms has a value out of range: lengths, counts and intervals must be positive.").ValidateOnStart();
        builder.Services.AddOptions<ReplayOptions>().Bind(builder.Configuration.GetSection(ReplayOptions.Section)).Validate(
            ReplayOptions.IsValid, "Classroom:Replays has a value out of range: CheckpointEvery and LiveRefreshInterval must be positive.").ValidateOnStart();
        builder.Services.AddOptions<QaOptions>().Bind(builder.Configuration.GetSection(QaOptions.Section))
            .PostConfigure(o => o.IndexDirectory ??= DefaultIndexDirectory(silo, cluster))
            .Validate(QaOptions.IsValid, "Classroom:Qa has a value out of range: limits and intervals must be positive.").ValidateOnStart();
        builder.UseOrleans(orleans =>
        {
            if (cluster.IsCluster)
            {
                if (silo.Storage.ToLowerInvariant() != ClassroomSiloOptions.PostgreSqlStorage)
                {
                    throw new InvalidOperationException(
                        "Classroom:Cluster:Mode is 'cluster': silos share their state through PostgreSQL, so Classroom:Silo:Storage must be 'postgresql'.");
                }

                orleans.UseClassroomCluster(cluster);
            }
            else
            {
                // One silo, no gateway listener: the co-hosted gateway calls it in-process.
                orleans.UseLocalhostClustering(ClassroomClusterOptions.Resolve(cluster.Port, IPAddress.Loopback), gatewayPort: 0);
            }

            orleans.AddClassroomGrains();
            if (silo.Dashboard)
            {
                // The dashboard's grains collect the silo's statistics; a gateway serves its pages to operators.
                orleans.AddDashboard();
            }
            switch (silo.Storage.ToLowerInvariant())
            {
                case ClassroomSiloOptions.SqliteStorage:
                    orleans.AddSqliteStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, o => o.DataDirectory = silo.DataDirectory);
                    break;
                case ClassroomSiloOptions.PostgreSqlStorage:
                    orleans.AddPostgreSqlStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, silo.PostgreSql);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Classroom:Silo:Storage is '{silo.Storage}': use '{ClassroomSiloOptions.SqliteStorage}' (embedded) or '{ClassroomSiloOptions.PostgreSqlStorage}'.");
            }

            configure?.Invoke(orleans);
        });
        builder.Services.AddHostedService<SiloBanner>();
        return builder;
    }

    /// <summary>
    /// Where a silo keeps its copy of the search indexes (a cache of the index logs, rebuilt wherever it is missing):
    /// beside the embedded data; in cluster mode a temporary folder named after the silo's endpoint, so a restarted silo
    /// finds its copy again and two silos on one machine never share one; in memory when the port is chosen at random.
    /// </summary>
    private static string? DefaultIndexDirectory(ClassroomSiloOptions silo, ClassroomClusterOptions cluster) =>
        !cluster.IsCluster ? Path.Combine(silo.DataDirectory, "qa-index")
        : cluster.Port != 0 ? Path.Combine(Path.GetTempPath(), "classroom-qa-index", cluster.ClusterId, $"{cluster.Host}_{cluster.Port}")
        : null;

    /// <summary>What every silo hosting the classroom grains needs, whatever its storage: the grains' stored types and event logs.</summary>
    public static ISiloBuilder AddClassroomGrains(this ISiloBuilder silo) =>
        silo.AddPersistenceJson([.. ClassroomGrains.SerializerContexts]);

    /// <summary>
    /// Redis membership, endpoints, and failure detection tuned so a lesson whose silo died takes actions again within
    /// a few seconds (docs/cluster.md: the settings and their trade-off).
    /// </summary>
    private static ISiloBuilder UseClassroomCluster(this ISiloBuilder silo, ClassroomClusterOptions cluster)
    {
        var address = IPAddress.Parse(cluster.Host);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ClusterId));
        silo.ConfigureEndpoints(address, ClassroomClusterOptions.Resolve(cluster.Port, address), ClassroomClusterOptions.Resolve(cluster.GatewayPort, address), listenOnAnyHostAddress: false);
        silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(cluster));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.MissedProbesLimit;
            o.NumVotesForDeathDeclaration = cluster.VotesForDeath;
        });
        return silo;
    }

    private static ConfigurationOptions RedisOptions(ClassroomClusterOptions cluster)
    {
        var options = ConfigurationOptions.Parse(cluster.Redis);
        // Redis may restart under a running cluster: keep retrying instead of failing the host.
        options.AbortOnConnectFail = false;
        return options;
    }
}
