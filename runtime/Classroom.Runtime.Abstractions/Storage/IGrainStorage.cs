namespace Classroom.Runtime.Storage;

/// <summary>A durable store of serialized grain state with optimistic concurrency.</summary>
public interface IGrainStorage
{
    /// <summary>Reads a state; null when none is stored.</summary>
    Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a state if the stored ETag equals <paramref name="expectedEtag"/> (null: nothing may be stored yet)
    /// and returns the new ETag; otherwise throws <see cref="InconsistentStateException"/>.
    /// </summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken);

    /// <summary>Deletes a state under the same ETag rule as <see cref="WriteAsync"/>.</summary>
    Task ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken);
}

/// <summary>A stored state: its serialized payload and its ETag.</summary>
public sealed record StoredGrainState(byte[] Payload, string Etag);

/// <summary>Names shared by storage providers.</summary>
public static class GrainStorage
{
    /// <summary>The name of the storage provider used when a state names none.</summary>
    public const string DefaultName = "Default";
}
