using Classroom.Persistence;
using Classroom.Persistence.EventLogs;
using Classroom.Persistence.Serialization;
using Classroom.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace Classroom.TestKit;

/// <summary>
/// One silo's access to the test cluster's storage. <see cref="ClassroomTestCluster.KillAsync"/> closes it, as a
/// process that dies stops writing: whatever was stored stays, nothing more gets through.
/// </summary>
internal sealed class StorageGate(SqlGrainStorageFactory states, IEventLogStorage logs) : IEventLogStorage
{
    private volatile bool _closed;

    public void Close() => _closed = true;

    /// <summary>Registers the gated storages as the silo's default grain storage and event log storage.</summary>
    public void Register(ISiloBuilder silo)
    {
        silo.AddEventLogStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, this);
        silo.Services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (sp, _) => new GatedGrainStorage(this, states.Create(sp.GetRequiredService<PersistenceJson>())));
        silo.Services.AddSingleton(sp => sp.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
    }

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new IOException("The silo was killed: its storage is gone.");
        }
    }

    public Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        return logs.AppendAsync(grainId, logName, firstSequence, payloads, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string logName, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        return logs.ReadAsync(grainId, logName, afterSequence, maxCount, cancellationToken);
    }

    private sealed class GatedGrainStorage(StorageGate gate, IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            gate.ThrowIfClosed();
            return inner.ReadStateAsync(stateName, grainId, grainState);
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            gate.ThrowIfClosed();
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            gate.ThrowIfClosed();
            return inner.ClearStateAsync(stateName, grainId, grainState);
        }
    }
}

/// <summary>Makes the SQL grain storage of a silo once its JSON settings exist.</summary>
internal sealed class SqlGrainStorageFactory(SqlDatabase database)
{
    public IGrainStorage Create(PersistenceJson json) => new SqlGrainStorage(database, json);
}
