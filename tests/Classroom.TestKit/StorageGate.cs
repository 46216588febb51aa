using Classroom.Runtime;
using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Storage;

namespace Classroom.TestKit;

/// <summary>
/// One host's access to the cluster's storage. <see cref="TestCluster.KillAsync"/> closes it, as a process that dies
/// stops writing: whatever was stored stays, nothing more gets through.
/// </summary>
internal sealed class StorageGate(IGrainStorage states, IEventLogStorage logs) : IGrainStorage, IEventLogStorage
{
    private volatile bool _closed;

    public void Close() => _closed = true;

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new IOException("The host was killed: its storage is gone.");
        }
    }

    public Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        return states.ReadAsync(grainId, stateName, cancellationToken);
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        return states.WriteAsync(grainId, stateName, payload, expectedEtag, cancellationToken);
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        return states.ClearAsync(grainId, stateName, expectedEtag, cancellationToken);
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
}
