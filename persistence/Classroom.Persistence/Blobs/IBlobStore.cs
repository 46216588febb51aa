namespace Classroom.Persistence.Blobs;

/// <summary>
/// Immutable blobs by key: slide decks now, a lesson's media segments next. A key is written once and then names the
/// same bytes for ever, so a blob may be cached without limit and served to any number of readers. Reads go to the store
/// itself, in ranges, never through a grain: a 30 MB deck or a lesson's thousands of segments are never held whole by
/// anyone who does not ask for all of them. A database failure is a
/// <see cref="Storage.StorageUnavailableException"/>, as for grain state and event logs.
/// </summary>
public interface IBlobStore
{
    /// <summary>Where the blobs live, for the people running the host (a file, a schema, a folder).</summary>
    string Location { get; }

    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="key"/> (see <see cref="BlobKey"/>). Storing the same
    /// content type and bytes again is a no-op that answers the stored blob (so a retried write, or two writers racing
    /// with the same bytes, both succeed); anything else under a taken key is refused with
    /// <see cref="BlobConflictException"/>, and the stored blob is left as it was.
    /// </summary>
    Task<BlobInfo> PutAsync(string key, string contentType, byte[] content, CancellationToken cancellationToken);

    /// <summary>What is stored under <paramref name="key"/>, without its bytes; null when nothing is.</summary>
    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Copies the blob's bytes from <paramref name="offset"/> into <paramref name="destination"/>, as many as fit and
    /// remain; answers how many (0 at or past the end). Throws <see cref="BlobNotFoundException"/> for a key nothing is
    /// stored under.
    /// </summary>
    Task<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken);
}
