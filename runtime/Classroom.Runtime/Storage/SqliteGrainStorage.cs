using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Classroom.Runtime.Storage;

/// <summary>
/// Grain state in one SQLite file (the embedded default). Each state row carries a version that serves as its ETag;
/// a write names the version it read and changes the row only if that is still the stored one.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the storage; the file and its table are created on first use.</summary>
    public SqliteGrainStorage(SqliteGrainStorageOptions options)
    {
        _database = new SqliteDatabase(options.DatabasePath, """
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                state_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload BLOB,
                PRIMARY KEY (grain_type, grain_key, state_name)
            ) WITHOUT ROWID;
            """);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _database.Path;

    /// <inheritdoc />
    public async Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Command(connection, grainId, stateName,
            "SELECT version, payload FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var payload = reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1);
        return new StoredGrainState(payload, reader.GetInt64(0).ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedEtag, CancellationToken cancellationToken) =>
        ReplaceAsync(grainId, stateName, payload.ToArray(), expectedEtag, cancellationToken);

    /// <inheritdoc />
    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken) =>
        ReplaceAsync(grainId, stateName, null, expectedEtag, cancellationToken);

    // A cleared state keeps its row with a null payload (a tombstone), so versions never repeat for a state.
    private async Task<string> ReplaceAsync(GrainId grainId, string stateName, byte[]? payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        long version;
        SqliteCommand command;
        if (expectedEtag is null)
        {
            version = 1;
            command = Command(connection, grainId, stateName,
                "INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload) VALUES ($type, $key, $name, 1, $payload) ON CONFLICT DO NOTHING");
        }
        else
        {
            var expected = ParseEtag(grainId, stateName, expectedEtag);
            version = expected + 1;
            command = Command(connection, grainId, stateName,
                "UPDATE grain_state SET version = version + 1, payload = $payload WHERE grain_type = $type AND grain_key = $key AND state_name = $name AND version = $expected");
            command.Parameters.AddWithValue("$expected", expected);
        }

        await using (command)
        {
            command.Parameters.AddWithValue("$payload", (object?)payload ?? DBNull.Value);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return version.ToString(CultureInfo.InvariantCulture);
            }
        }

        throw await ConflictAsync(connection, grainId, stateName, expectedEtag, cancellationToken);
    }

    private static async Task<InconsistentStateException> ConflictAsync(SqliteConnection connection, GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken) =>
        new(grainId, stateName, expectedEtag, await StoredVersionAsync(connection, grainId, stateName, cancellationToken));

    private static async Task<string?> StoredVersionAsync(SqliteConnection connection, GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, grainId, stateName,
            "SELECT version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $name");
        var version = await command.ExecuteScalarAsync(cancellationToken);
        return version is long v ? v.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static long ParseEtag(GrainId grainId, string stateName, string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException(grainId, stateName, etag, null);

    private static SqliteCommand Command(SqliteConnection connection, GrainId grainId, string stateName, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", stateName);
        return command;
    }
}
