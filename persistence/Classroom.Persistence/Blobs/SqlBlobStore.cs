using System.Data;
using Classroom.Persistence.Storage;

namespace Classroom.Persistence.Blobs;

/// <summary>
/// Blobs in a SQL table (<c>blob</c>): SQLite, where a range is read with SQLite's incremental blob I/O, or PostgreSQL,
/// where the column is stored uncompressed out of line (<c>STORAGE EXTERNAL</c>) so that <c>substring</c> fetches only
/// the pages of the range. Either way a read of 1 MB of a 30 MB blob reads about 1 MB.
/// </summary>
public sealed class SqlBlobStore(SqlDatabase database, TimeProvider time) : IBlobStore
{
    /// <summary>The database this store writes to.</summary>
    public SqlDatabase Database => database;

    /// <inheritdoc />
    public string Location => database.Location;

    /// <inheritdoc />
    public async Task<BlobInfo> PutAsync(string key, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        BlobKey.Check(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var wanted = new BlobInfo(key, contentType, content.Length, BlobInfo.Hash(content), time.GetUtcNow());
        var inserted = await database.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var insert = database.Command(connection,
                [("@key", key), ("@type", contentType), ("@length", (long)content.Length), ("@sha", wanted.Sha256), ("@created", wanted.CreatedAt.ToUnixTimeMilliseconds())], """
                INSERT INTO {schema}.blob (blob_key, content_type, length, sha256, created_at, content)
                VALUES (@key, @type, @length, @sha, @created, @content) ON CONFLICT DO NOTHING
                """);
            SqlDatabase.AddParameter(insert, "@content", content, DbType.Binary);
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        });
        if (inserted)
        {
            return wanted;
        }

        // Taken, by an earlier write or a racing one (committed: the insert waited for it): the same bytes are no conflict.
        var stored = await GetInfoAsync(key, cancellationToken) ?? throw new BlobConflictException(key, Location);
        return stored.Holds(contentType, content.Length, wanted.Sha256) ? stored : throw new BlobConflictException(key, Location);
    }

    /// <inheritdoc />
    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken) =>
        !BlobKey.IsValid(key) ? Task.FromResult<BlobInfo?>(null) : database.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = database.Command(connection, [("@key", key)],
                "SELECT content_type, length, sha256, created_at FROM {schema}.blob WHERE blob_key = @key");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new BlobInfo(key, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
                : null;
        });

    /// <inheritdoc />
    public Task<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (!BlobKey.IsValid(key))
        {
            throw new BlobNotFoundException(key, Location);
        }

        return database.RunAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return await database.ReadBlobAsync(connection, key, offset, destination, cancellationToken) ?? throw new BlobNotFoundException(key, Location);
        });
    }
}
