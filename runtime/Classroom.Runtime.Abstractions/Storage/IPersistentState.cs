namespace Classroom.Runtime.Storage;

/// <summary>
/// Durable state of a grain, read before the grain activates. Writes are guarded by an ETag: a write based on a
/// stale ETag fails with <see cref="InconsistentStateException"/> instead of overwriting newer state.
/// </summary>
public interface IPersistentState<TState>
{
    /// <summary>The state; the default value of a new state when nothing was stored.</summary>
    TState State { get; set; }

    /// <summary>The version of the stored state this instance was read or written as; null when none is stored.</summary>
    string? Etag { get; }

    /// <summary>True when the storage holds a record for this state.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the stored state, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/>; fails if the stored state changed since it was read.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored state and resets <see cref="State"/> to its default.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
