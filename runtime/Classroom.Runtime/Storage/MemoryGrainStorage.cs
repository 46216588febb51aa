using System.Globalization;

namespace Classroom.Runtime.Storage;

/// <summary>Grain state kept in memory for the life of the process, with the same ETag rules as durable storage.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), StoredGrainState> _states = [];
    private long _version;

    /// <inheritdoc />
    public Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.GetValueOrDefault((grainId, stateName)));
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Check(grainId, stateName, expectedEtag);
            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _states[(grainId, stateName)] = new StoredGrainState(payload.ToArray(), etag);
            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Check(grainId, stateName, expectedEtag);
            _states.Remove((grainId, stateName));
            return Task.CompletedTask;
        }
    }

    private void Check(GrainId grainId, string stateName, string? expectedEtag)
    {
        var stored = _states.GetValueOrDefault((grainId, stateName))?.Etag;
        if (stored != expectedEtag)
        {
            throw new InconsistentStateException(grainId, stateName, expectedEtag, stored);
        }
    }
}
