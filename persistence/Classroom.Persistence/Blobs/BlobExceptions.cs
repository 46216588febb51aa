namespace Classroom.Persistence.Blobs;

/// <summary>A write under a key that already holds other bytes (or another content type): blobs never change.</summary>
public sealed class BlobConflictException(string key, string location)
    : InvalidOperationException($"Blob '{key}' in {location} already holds other content; a blob is written once and never replaced.")
{
    /// <summary>The key that was taken.</summary>
    public string Key { get; } = key;
}

/// <summary>A read of a key nothing is stored under.</summary>
public sealed class BlobNotFoundException(string key, string location)
    : KeyNotFoundException($"No blob '{key}' in {location}.")
{
    /// <summary>The key asked for.</summary>
    public string Key { get; } = key;
}
