using System.Text.Json.Serialization;
using Classroom.Persistence.EventLogs;
using Classroom.Persistence.Serialization;
using Classroom.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Storage;

namespace Classroom.Persistence;

/// <summary>Registers our extensions with a silo.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Makes the types of <paramref name="contexts"/> storable, and grains' [EventLog] and [EventLogReader] parameters fillable.</summary>
    public static ISiloBuilder AddPersistenceJson(this ISiloBuilder builder, params JsonSerializerContext[] contexts)
    {
        builder.Services.Configure<PersistenceJsonOptions>(o => o.Contexts.AddRange(contexts));
        builder.Services.TryAddSingleton<PersistenceJson>();
        builder.Services.TryAddSingleton<IAttributeToFactoryMapper<EventLogAttribute>, EventLogAttributeMapper>();
        builder.Services.TryAddSingleton<IAttributeToFactoryMapper<EventLogReaderAttribute>, EventLogReaderAttributeMapper>();
        return builder;
    }

    /// <summary>Grain state and event logs named <paramref name="name"/> in one SQLite file (the embedded default).</summary>
    public static ISiloBuilder AddSqliteStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions>? configure = null)
    {
        var options = new SqliteStorageOptions();
        configure?.Invoke(options);
        return builder.AddSqlStorage(name, new SqliteDatabase(options));
    }

    /// <summary>Grain state and event logs named <paramref name="name"/> in one PostgreSQL schema (silos that share state).</summary>
    public static ISiloBuilder AddPostgreSqlStorage(this ISiloBuilder builder, string name, PostgreSqlStorageOptions options) =>
        builder.AddSqlStorage(name, PostgreSqlDatabase.For(options));

    /// <summary>Grain state and event logs named <paramref name="name"/> in <paramref name="database"/>.</summary>
    public static ISiloBuilder AddSqlStorage(this ISiloBuilder builder, string name, SqlDatabase database)
    {
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SqlGrainStorage(database, sp.GetRequiredService<PersistenceJson>()));
        if (name == ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
        {
            // [PersistentState] without a storage name asks for the unnamed service, as Orleans' own providers register it.
            builder.Services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IGrainStorage>(name));
        }

        return builder.AddEventLogStorage(name, new SqlEventLogStorage(database));
    }

    /// <summary>An event log storage named <paramref name="name"/>.</summary>
    public static ISiloBuilder AddEventLogStorage(this ISiloBuilder builder, string name, IEventLogStorage storage)
    {
        builder.Services.AddKeyedSingleton(name, storage);
        return builder;
    }
}
