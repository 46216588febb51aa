using System.Reflection;
using System.Text.Json.Serialization;
using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Serialization;
using Classroom.Runtime.Storage;
using Classroom.Runtime.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Classroom.Runtime.Hosting;

/// <summary>Configures what a silo hosts: grain classes, wire types, storage and stream providers.</summary>
public sealed class GrainRuntimeBuilder
{
    internal GrainRuntimeBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Hosts every grain class of <paramref name="assembly"/>.</summary>
    public GrainRuntimeBuilder AddGrains(Assembly assembly)
    {
        Services.AddSingleton(new GrainAssembly(assembly));
        return this;
    }

    /// <summary>Lets the types of <paramref name="context"/> cross the serialization boundary.</summary>
    public GrainRuntimeBuilder AddSerializerContext(JsonSerializerContext context)
    {
        Services.AddSingleton(new SerializerContextRegistration(context));
        return this;
    }

    /// <summary>Adds an in-memory grain storage: state lives as long as the process.</summary>
    public GrainRuntimeBuilder AddMemoryGrainStorage(string name = GrainStorage.DefaultName)
    {
        Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new MemoryGrainStorage());
        return this;
    }

    /// <summary>Adds a grain storage instance under <paramref name="name"/>.</summary>
    public GrainRuntimeBuilder AddGrainStorage(string name, IGrainStorage storage)
    {
        Services.AddKeyedSingleton(name, storage);
        return this;
    }

    /// <summary>Adds a SQLite grain storage: one database file under a data folder.</summary>
    public GrainRuntimeBuilder AddSqliteGrainStorage(string name = GrainStorage.DefaultName, Action<SqliteGrainStorageOptions>? configure = null)
    {
        var options = new SqliteGrainStorageOptions();
        configure?.Invoke(options);
        Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new SqliteGrainStorage(options));
        return this;
    }

    /// <summary>Adds an in-memory event log storage: logs live as long as the process.</summary>
    public GrainRuntimeBuilder AddMemoryEventLogStorage(string name = GrainStorage.DefaultName) =>
        AddEventLogStorage(name, new MemoryEventLogStorage());

    /// <summary>Adds a SQLite event log storage, in the same kind of file as <see cref="AddSqliteGrainStorage"/>.</summary>
    public GrainRuntimeBuilder AddSqliteEventLogStorage(string name = GrainStorage.DefaultName, Action<SqliteGrainStorageOptions>? configure = null)
    {
        var options = new SqliteGrainStorageOptions();
        configure?.Invoke(options);
        Services.AddKeyedSingleton<IEventLogStorage>(name, (_, _) => new SqliteEventLogStorage(options));
        return this;
    }

    /// <summary>Adds a PostgreSQL grain storage, for silos that share state; its schema is created on first use.</summary>
    public GrainRuntimeBuilder AddPostgreSqlGrainStorage(string name, PostgreSqlStorageOptions options) =>
        AddGrainStorage(name, new PostgreSqlGrainStorage(options));

    /// <summary>Adds a PostgreSQL event log storage, in the same database and schema as <see cref="AddPostgreSqlGrainStorage"/>.</summary>
    public GrainRuntimeBuilder AddPostgreSqlEventLogStorage(string name, PostgreSqlStorageOptions options) =>
        AddEventLogStorage(name, new PostgreSqlEventLogStorage(options));

    /// <summary>Adds an event log storage instance under <paramref name="name"/>.</summary>
    public GrainRuntimeBuilder AddEventLogStorage(string name, IEventLogStorage storage)
    {
        Services.AddKeyedSingleton(name, storage);
        return this;
    }

    /// <summary>Adds an in-process stream provider.</summary>
    public GrainRuntimeBuilder AddMemoryStreams(string name = StreamProviders.DefaultName)
    {
        Services.AddSingleton(new StreamProviderRegistration(name, static (providerName, runtime) => new InMemoryStreamProvider(providerName, runtime)));
        return this;
    }

    /// <summary>
    /// Makes this process a member of a cluster coordinated through Redis (membership, failure detection, the grain
    /// directory) whose members call each other over TCP. A silo hosts grains; a client only calls them.
    /// </summary>
    public GrainRuntimeBuilder UseRedisClustering(Action<Clustering.ClusterOptions> configure)
    {
        var options = new Clustering.ClusterOptions();
        configure(options);
        Services.TryAddSingleton(new Clustering.RedisCluster(options));
        Services.TryAddSingleton<Clustering.ClusterService>();
        Services.AddHostedService(static sp => sp.GetRequiredService<Clustering.ClusterService>());
        return this;
    }

    /// <summary>Adds a stream provider whose items cross processes over Redis pub/sub (needs <see cref="UseRedisClustering"/>).</summary>
    public GrainRuntimeBuilder AddRedisStreams(string name = StreamProviders.DefaultName)
    {
        Services.AddSingleton(new StreamProviderRegistration(name, static (providerName, runtime) =>
            new RedisStreamProvider(providerName, runtime, runtime.Services.GetService<Clustering.RedisCluster>()
                ?? throw new InvalidOperationException("AddRedisStreams needs UseRedisClustering: the streams travel over the cluster's Redis."))));
        return this;
    }

    /// <summary>Changes runtime settings.</summary>
    public GrainRuntimeBuilder Configure(Action<GrainRuntimeOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    internal void AddCoreServices()
    {
        Services.AddOptions<GrainRuntimeOptions>();
        Services.TryAddSingleton(TimeProvider.System);
        Services.TryAddSingleton(static sp => new GrainSerializer(sp.GetServices<SerializerContextRegistration>().Select(static r => r.Context)));
        Services.TryAddSingleton<GrainRuntime>();
        Services.TryAddSingleton<IGrainFactory>(static sp => sp.GetRequiredService<GrainRuntime>().Client);
        Services.TryAddSingleton<IClusterClient>(static sp => sp.GetRequiredService<GrainRuntime>().Client);
        Services.AddHostedService<Silo>();
    }
}

/// <summary>An assembly whose grain classes the silo hosts.</summary>
internal sealed record GrainAssembly(Assembly Assembly);
