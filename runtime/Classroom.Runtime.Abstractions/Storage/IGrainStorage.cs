namespace Classroom.Runtime.Storage;

/// <summary>A durable store of serialized grain state with optimistic concurrency.</summary>
public interface IGrainStorage
{
    /// <summary>Reads a state; null when it was never written.</summary>
    Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a state if the stored ETag equals <paramref name="expectedEtag"/> (null: nothing may be stored yet)
    /// and returns the new ETag; otherwise throws <see cref="InconsistentStateException"/>.
    /// </summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a state's payload under the same ETag rule as <see cref="WriteAsync"/>, leaving a tombstone whose new ETag
    /// is returned: a writer still holding an ETag from before the clear is refused, as after any other change.
    /// </summary>
    Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken);
}

/// <summary>A stored state: its serialized payload (null once cleared) and its ETag.</summary>
public sealed record StoredGrainState(byte[]? Payload, string Etag)
{
    /// <summary>True when a payload is stored (false for a cleared state).</summary>
    public bool HasPayload => Payload is not null;
}

/// <summary>Names shared by storage providers.</summary>
public static class GrainStorage
{
    /// <summary>The name of the storage provider used when a state names none.</summary>
    public const string DefaultName = "Default";
}
