using Classroom.Persistence.Blobs;
using Classroom.Persistence.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Classroom.Silo.Extensions;

/// <summary>The blob store of a host that serves blobs (the gateway, embedded or in a cluster).</summary>
public static class ClassroomBlobExtensions
{
    /// <summary>
    /// Registers the <see cref="IBlobStore"/> <c>Classroom:Blobs</c> chooses: the deployment's database (the one
    /// <c>Classroom:Silo:Storage</c> names: SQLite, in a file of its own beside the data, or the PostgreSQL schema the
    /// silos use) or a folder. A gateway in a cluster reads the blobs itself, never through a grain, so it needs the
    /// same database settings as the silos, or a folder they all share.
    /// </summary>
    public static IHostApplicationBuilder AddClassroomBlobs(this IHostApplicationBuilder builder)
    {
        var blobs = builder.Configuration.GetSection(ClassroomBlobOptions.Section).Get<ClassroomBlobOptions>() ?? new ClassroomBlobOptions();
        var silo = builder.Configuration.GetSection(ClassroomSiloOptions.Section).Get<ClassroomSiloOptions>() ?? new ClassroomSiloOptions();
        var cluster = ClassroomClusterOptions.From(builder.Configuration);
        Func<IServiceProvider, IBlobStore> store = blobs.Provider.ToLowerInvariant() switch
        {
            ClassroomBlobOptions.FilesProvider => sp => new FileBlobStore(blobs.Directory ?? Path.Combine(silo.DataDirectory, "blobs"), Time(sp)),
            ClassroomBlobOptions.DatabaseProvider => Database(blobs, silo, cluster),
            _ => throw new InvalidOperationException(
                $"Classroom:Blobs:Provider is '{blobs.Provider}': use '{ClassroomBlobOptions.DatabaseProvider}' (the deployment's database) or '{ClassroomBlobOptions.FilesProvider}' (a folder, Classroom:Blobs:Directory)."),
        };
        builder.Services.TryAddSingleton(store);
        return builder;
    }

    private static Func<IServiceProvider, IBlobStore> Database(ClassroomBlobOptions blobs, ClassroomSiloOptions silo, ClassroomClusterOptions cluster)
    {
        switch (silo.Storage.ToLowerInvariant())
        {
            case ClassroomSiloOptions.PostgreSqlStorage:
                var postgres = PostgreSqlDatabase.For(silo.PostgreSql);
                return sp => new SqlBlobStore(postgres, Time(sp));
            case ClassroomSiloOptions.SqliteStorage when cluster.IsCluster:
                throw new InvalidOperationException(
                    "Classroom:Cluster:Mode is 'cluster': gateways share blobs through the silos' PostgreSQL (Classroom:Silo:Storage=postgresql and its connection) or a folder they all see (Classroom:Blobs:Provider=files, Classroom:Blobs:Directory).");
            case ClassroomSiloOptions.SqliteStorage:
                var sqlite = new SqliteDatabase(new SqliteStorageOptions { DataDirectory = silo.DataDirectory, FileName = blobs.SqliteFile });
                return sp => new SqlBlobStore(sqlite, Time(sp));
            default:
                throw new InvalidOperationException(
                    $"Classroom:Silo:Storage is '{silo.Storage}': use '{ClassroomSiloOptions.SqliteStorage}' (embedded) or '{ClassroomSiloOptions.PostgreSqlStorage}'.");
        }
    }

    private static TimeProvider Time(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}
