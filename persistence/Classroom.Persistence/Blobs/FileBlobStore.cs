using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Classroom.Persistence.Storage;

namespace Classroom.Persistence.Blobs;

/// <summary>
/// Blobs as files in a folder: one file per key, named by the key (keys are safe file names, <see cref="BlobKey"/>),
/// beginning with a small header (its content type, length, hash and time, as JSON) before the bytes, so a blob and
/// what is known of it appear together or not at all. A write goes to a temporary file, is flushed to the disk, and is
/// then linked under its name only if the name is free: a reader never sees half a blob, a crash leaves at most a
/// temporary file (named with a leading '.', which no key has), and of two racing writers one wins.
/// </summary>
/// <remarks>
/// Keys differ by case: on a case-insensitive file system two keys differing only in case would share a file (the
/// second write would be refused as a conflict, or be a no-op). Run it on a case-sensitive one (Linux's are).
/// </remarks>
public sealed class FileBlobStore : IBlobStore
{
    private static ReadOnlySpan<byte> Magic => "CLBLOB1\n"u8;

    private readonly string _directory;
    private readonly TimeProvider _time;

    /// <summary>A store in <paramref name="directory"/>, created if missing.</summary>
    public FileBlobStore(string directory, TimeProvider time)
    {
        _directory = Path.GetFullPath(directory);
        _time = time;
        Directory.CreateDirectory(_directory);
    }

    /// <inheritdoc />
    public string Location => $"the folder {_directory} (Classroom:Blobs:Directory)";

    /// <inheritdoc />
    public async Task<BlobInfo> PutAsync(string key, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(BlobKey.Check(key));
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var wanted = new BlobInfo(key, contentType, content.Length, BlobInfo.Hash(content), _time.GetUtcNow());
        if (await GetInfoAsync(key, cancellationToken) is { } existing)
        {
            return Same(existing, wanted);
        }

        var temporary = Path.Combine(_directory, $".{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            await WriteAsync(temporary, wanted, content, cancellationToken);
            // Without overwrite, .NET moves on Unix by link() then unlink(): link() refuses a taken name atomically.
            File.Move(temporary, path, overwrite: false);
            return wanted;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer linked its file first.
            return Same(await GetInfoAsync(key, cancellationToken) ?? throw new BlobConflictException(key, Location), wanted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <inheritdoc />
    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken)
    {
        if (!BlobKey.IsValid(key))
        {
            return null;
        }

        try
        {
            using var file = File.OpenHandle(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
            return (await ReadHeaderAsync(file, key, cancellationToken)).Info;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
    }

    /// <inheritdoc />
    public async Task<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        try
        {
            using var file = File.OpenHandle(BlobKey.IsValid(key) ? PathOf(key) : throw new BlobNotFoundException(key, Location),
                FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
            var (info, start) = await ReadHeaderAsync(file, key, cancellationToken);
            var count = (int)Math.Clamp(info.Length - offset, 0, destination.Length);
            var filled = 0;
            while (filled < count && await RandomAccess.ReadAsync(file, destination[filled..count], start + offset + filled, cancellationToken) is > 0 and var read)
            {
                filled += read;
            }

            return filled;
        }
        catch (FileNotFoundException)
        {
            throw new BlobNotFoundException(key, Location);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(e);
        }
    }

    private string PathOf(string key) => Path.Combine(_directory, key);

    private BlobInfo Same(BlobInfo stored, BlobInfo wanted) =>
        stored.Holds(wanted.ContentType, wanted.Length, wanted.Sha256) ? stored : throw new BlobConflictException(stored.Key, Location);

    private StorageUnavailableException Unavailable(Exception e) =>
        new($"The storage at {Location} failed ({e.GetType().FullName}): {e.Message}");

    private static async Task WriteAsync(string path, BlobInfo info, byte[] content, CancellationToken cancellationToken)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new BlobHeader(info.ContentType, info.Length, info.Sha256, info.CreatedAt), BlobHeaderJsonContext.Default.BlobHeader);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous);
        var prefix = new byte[Magic.Length + sizeof(int)];
        Magic.CopyTo(prefix);
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(Magic.Length), header.Length);
        await file.WriteAsync(prefix, cancellationToken);
        await file.WriteAsync(header, cancellationToken);
        await file.WriteAsync(content, cancellationToken);
        // On the disk before it has a name: a crash after the link must not leave a named blob of zeros.
        file.Flush(flushToDisk: true);
    }

    /// <summary>The blob's header and where its bytes start.</summary>
    private async Task<(BlobInfo Info, long Start)> ReadHeaderAsync(Microsoft.Win32.SafeHandles.SafeFileHandle file, string key, CancellationToken cancellationToken)
    {
        var prefix = new byte[Magic.Length + sizeof(int)];
        var length = BinaryPrimitives.ReadInt32LittleEndian(await ReadExactlyAsync(file, prefix, 0, cancellationToken) ? prefix.AsSpan(Magic.Length) : throw Damaged(key));
        if (!prefix.AsSpan(0, Magic.Length).SequenceEqual(Magic) || length is <= 0 or > 64 * 1024)
        {
            throw Damaged(key);
        }

        var json = new byte[length];
        if (!await ReadExactlyAsync(file, json, prefix.Length, cancellationToken)
            || JsonSerializer.Deserialize(json, BlobHeaderJsonContext.Default.BlobHeader) is not { } header)
        {
            throw Damaged(key);
        }

        return (new BlobInfo(key, header.ContentType, header.Length, header.Sha256, header.CreatedAt), prefix.Length + length);
    }

    private static async Task<bool> ReadExactlyAsync(Microsoft.Win32.SafeHandles.SafeFileHandle file, byte[] buffer, long offset, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length && await RandomAccess.ReadAsync(file, buffer.AsMemory(filled), offset + filled, cancellationToken) is > 0 and var read)
        {
            filled += read;
        }

        return filled == buffer.Length;
    }

    private IOException Damaged(string key) => new($"Blob '{key}' in {Location} is not a file this store wrote (its header is damaged).");
}

/// <summary>What a blob file says of itself before its bytes.</summary>
internal sealed record BlobHeader(string ContentType, long Length, string Sha256, DateTimeOffset CreatedAt);

[System.Text.Json.Serialization.JsonSerializable(typeof(BlobHeader))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class BlobHeaderJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
