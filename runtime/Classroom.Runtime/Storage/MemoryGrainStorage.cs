using System.Globalization;

namespace Classroom.Runtime.Storage;

/// <summary>Grain state kept in memory for the life of the process, with the same ETag rules as durable storage.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId, string), (byte[]? Payload, long Version)> _states = [];

    /// <inheritdoc />
    public Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_states.TryGetValue((grainId, stateName), out var stored)
                ? new StoredGrainState(stored.Payload?.ToArray(), Format(stored.Version))
                : null);
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken) =>
        Task.FromResult(Replace(grainId, stateName, payload.ToArray(), expectedEtag));

    /// <inheritdoc />
    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken) =>
        Task.FromResult(Replace(grainId, stateName, null, expectedEtag));

    private string Replace(GrainId grainId, string stateName, byte[]? payload, string? expectedEtag)
    {
        lock (_lock)
        {
            var found = _states.TryGetValue((grainId, stateName), out var stored);
            var storedEtag = found ? Format(stored.Version) : null;
            if (storedEtag != expectedEtag)
            {
                throw new InconsistentStateException(grainId, stateName, expectedEtag, storedEtag);
            }

            var version = found ? stored.Version + 1 : 1;
            _states[(grainId, stateName)] = (payload, version);
            return Format(version);
        }
    }

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);
}
