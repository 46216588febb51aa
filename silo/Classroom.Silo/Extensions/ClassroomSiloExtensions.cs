using Classroom.Grains;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Replays;
using Classroom.Runtime.Clustering;
using Classroom.Runtime.Hosting;
using Classroom.Runtime.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Classroom.Silo.Extensions;

/// <summary>The silo's registrations, shared by the silo host and any host that co-hosts a silo (the gateway).</summary>
public static class ClassroomSiloExtensions
{
    /// <summary>
    /// Calls the classroom grains of a cluster's silos from this process (a gateway in cluster mode): hosts no grains,
    /// keeps no state; references and streams go through the cluster's Redis and TCP.
    /// </summary>
    public static IHostApplicationBuilder AddClassroomClient(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GrainRuntimeOptions>(builder.Configuration.GetSection("Classroom:Runtime"));
        builder.Services.AddGrainRuntime(runtime =>
        {
            foreach (var context in ClassroomGrains.SerializerContexts)
            {
                runtime.AddSerializerContext(context);
            }

            // The grain classes name the grain types; a client never activates them.
            runtime.AddGrains(ClassroomGrains.Assembly)
                .UseRedisClustering(o => ClassroomCluster.Bind(builder.Configuration, o, ClusterRole.Client))
                .AddRedisStreams();
        });
        return builder;
    }

    /// <summary>
    /// Hosts the classroom grains in this process: grain state and event logs in SQLite under the data folder (the
    /// embedded default) or in PostgreSQL (<c>Classroom:Silo:Storage=postgresql</c>), in-process streams. Settings come
    /// from <c>Classroom:Silo</c> and <c>Classroom:Runtime</c>.
    /// </summary>
    public static IHostApplicationBuilder AddClassroomSilo(this IHostApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(ClassroomSiloOptions.Section).Get<ClassroomSiloOptions>() ?? new ClassroomSiloOptions();
        builder.Services.Configure<GrainRuntimeOptions>(builder.Configuration.GetSection("Classroom:Runtime"));
        builder.Services.Configure<ClassroomOptions>(builder.Configuration.GetSection(ClassroomOptions.Section));
        builder.Services.Configure<ReplayOptions>(builder.Configuration.GetSection(ReplayOptions.Section));
        builder.Services.AddGrainRuntime(runtime =>
        {
            foreach (var context in ClassroomGrains.SerializerContexts)
            {
                runtime.AddSerializerContext(context);
            }

            runtime.AddGrains(ClassroomGrains.Assembly);
            if (ClassroomCluster.IsClusterMode(builder.Configuration))
            {
                if (silo.Storage.ToLowerInvariant() != ClassroomSiloOptions.PostgreSqlStorage)
                {
                    throw new InvalidOperationException(
                        "Classroom:Cluster:Mode is 'cluster': silos share their state through PostgreSQL, so Classroom:Silo:Storage must be 'postgresql'.");
                }

                runtime.UseRedisClustering(o => ClassroomCluster.Bind(builder.Configuration, o, ClusterRole.Silo)).AddRedisStreams();
            }
            else
            {
                runtime.AddMemoryStreams();
            }

            switch (silo.Storage.ToLowerInvariant())
            {
                case ClassroomSiloOptions.SqliteStorage:
                    runtime
                        .AddSqliteGrainStorage(GrainStorage.DefaultName, o => o.DataDirectory = silo.DataDirectory)
                        .AddSqliteEventLogStorage(GrainStorage.DefaultName, o => o.DataDirectory = silo.DataDirectory);
                    break;
                case ClassroomSiloOptions.PostgreSqlStorage:
                    runtime
                        .AddPostgreSqlGrainStorage(GrainStorage.DefaultName, silo.PostgreSql)
                        .AddPostgreSqlEventLogStorage(GrainStorage.DefaultName, silo.PostgreSql);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Classroom:Silo:Storage is '{silo.Storage}': use '{ClassroomSiloOptions.SqliteStorage}' (embedded) or '{ClassroomSiloOptions.PostgreSqlStorage}'.");
            }
        });
        builder.Services.AddHostedService<SiloBanner>();
        return builder;
    }
}
