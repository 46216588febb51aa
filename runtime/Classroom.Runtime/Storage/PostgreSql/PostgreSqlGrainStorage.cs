using System.Globalization;
using Npgsql;

namespace Classroom.Runtime.Storage;

/// <summary>
/// Grain state in PostgreSQL, for silos that share state. The same rules as <see cref="SqliteGrainStorage"/>: each row
/// carries a version that serves as its ETag, and a write changes the row only if it names the stored version, so a
/// stale activation (say, on a silo wrongly declared dead) cannot overwrite newer state.
/// </summary>
public sealed class PostgreSqlGrainStorage(PostgreSqlStorageOptions options) : IGrainStorage
{
    private readonly PostgreSqlDatabase _database = PostgreSqlDatabase.For(options);

    /// <inheritdoc />
    public async Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Command(connection, grainId, stateName,
            "SELECT version, payload FROM {schema}.grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var payload = await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetFieldValue<byte[]>(1);
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
        NpgsqlCommand command;
        if (expectedEtag is null)
        {
            version = 1;
            command = Command(connection, grainId, stateName, """
                INSERT INTO {schema}.grain_state (grain_type, grain_key, state_name, version, payload)
                VALUES (@type, @key, @name, 1, @payload) ON CONFLICT DO NOTHING
                """);
        }
        else
        {
            var expected = long.TryParse(expectedEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new InconsistentStateException(grainId, stateName, expectedEtag, null);
            version = expected + 1;
            command = Command(connection, grainId, stateName, """
                UPDATE {schema}.grain_state SET version = version + 1, payload = @payload
                WHERE grain_type = @type AND grain_key = @key AND state_name = @name AND version = @expected
                """);
            command.Parameters.AddWithValue("expected", expected);
        }

        await using (command)
        {
            command.Parameters.Add(new NpgsqlParameter<byte[]?>("payload", NpgsqlTypes.NpgsqlDbType.Bytea) { TypedValue = payload });
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return version.ToString(CultureInfo.InvariantCulture);
            }
        }

        await using var stored = Command(connection, grainId, stateName,
            "SELECT version FROM {schema}.grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        var storedVersion = await stored.ExecuteScalarAsync(cancellationToken) is long v ? v.ToString(CultureInfo.InvariantCulture) : null;
        throw new InconsistentStateException(grainId, stateName, expectedEtag, storedVersion);
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, GrainId grainId, string stateName, string sql)
    {
        var command = new NpgsqlCommand(_database.Sql(sql), connection);
        command.Parameters.AddWithValue("type", grainId.Type);
        command.Parameters.AddWithValue("key", grainId.Key);
        command.Parameters.AddWithValue("name", stateName);
        return command;
    }
}
