namespace Classroom.Persistence.Blobs;

/// <summary>
/// A blob as a read-only, seekable stream of known length: what ASP.NET Core serves range requests from (it seeks to
/// the range and copies that many bytes). Each read past what is buffered asks the store for the next
/// <see cref="ChunkSize"/> bytes at the current position, so a range costs reads of that range, never of the whole blob.
/// </summary>
public sealed class BlobStream : Stream
{
    /// <summary>The most a single read asks the store for: one database round trip per mebibyte.</summary>
    public const int ChunkSize = 1024 * 1024;

    private readonly IBlobStore _store;
    private readonly byte[] _chunk;
    private long _position;
    private long _chunkStart;
    private int _chunkLength;

    /// <summary>The bytes of <paramref name="blob"/> in <paramref name="store"/>.</summary>
    public BlobStream(IBlobStore store, BlobInfo blob)
    {
        _store = store;
        Blob = blob;
        _chunk = new byte[(int)Math.Min(ChunkSize, Math.Max(1, blob.Length))];
    }

    /// <summary>The blob read.</summary>
    public BlobInfo Blob { get; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => Blob.Length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A position is 0 or more.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _position >= Length)
        {
            return 0;
        }

        if (_position < _chunkStart || _position >= _chunkStart + _chunkLength)
        {
            _chunkStart = _position;
            _chunkLength = await FillAsync(_position, cancellationToken);
            if (_chunkLength == 0)
            {
                return 0;
            }
        }

        var available = (int)(_chunkStart + _chunkLength - _position);
        var count = Math.Min(available, buffer.Length);
        _chunk.AsMemory((int)(_position - _chunkStart), count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <remarks>Reads go to a database or a disk: asynchronously only (ASP.NET Core reads so).</remarks>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A blob is read asynchronously.");

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A blob is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A blob is read-only.");

    // A store answers short reads only at the end: fill the chunk as far as the blob goes.
    private async Task<int> FillAsync(long offset, CancellationToken cancellationToken)
    {
        var wanted = (int)Math.Min(_chunk.Length, Length - offset);
        var filled = 0;
        while (filled < wanted)
        {
            var read = await _store.ReadAsync(Blob.Key, offset + filled, _chunk.AsMemory(filled, wanted - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}

/// <summary>Reads of a whole blob, for callers that want all of it.</summary>
public static class BlobStoreExtensions
{
    /// <summary>The blob under <paramref name="key"/> as a stream (see <see cref="BlobStream"/>); null when nothing is stored.</summary>
    public static async Task<BlobStream?> OpenReadAsync(this IBlobStore store, string key, CancellationToken cancellationToken)
    {
        var blob = await store.GetInfoAsync(key, cancellationToken);
        return blob is null ? null : new BlobStream(store, blob);
    }

    /// <summary>Every byte of the blob under <paramref name="key"/>; null when nothing is stored.</summary>
    public static async Task<byte[]?> ReadAllAsync(this IBlobStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }
}
