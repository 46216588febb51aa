using Classroom.Runtime.EventLogs;
using Npgsql;

namespace Classroom.Runtime.Storage;

/// <summary>
/// Event logs in PostgreSQL. An append is one statement in one transaction, however many events it carries. The
/// sequence number is part of the primary key: of two writers racing for the same position one commits and the other
/// fails with a conflict, never interleaving; an append that would leave a gap is refused.
/// </summary>
public sealed class PostgreSqlEventLogStorage(PostgreSqlStorageOptions options) : IEventLogStorage
{
    private const string UniqueViolation = "23505";
    private readonly PostgreSqlDatabase _database = PostgreSqlDatabase.For(options);

    /// <inheritdoc />
    public async Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var last = await LastSequenceAsync(connection, grainId, logName, cancellationToken);
            if (last != firstSequence - 1)
            {
                throw EventLogConflict.Create(grainId, logName, firstSequence, last);
            }

            await using var insert = Command(connection, grainId, logName, """
                INSERT INTO {schema}.event_log (grain_type, grain_key, log_name, sequence, payload)
                SELECT @type, @key, @log, @first + entry.ordinal - 1, entry.payload
                FROM unnest(@payloads) WITH ORDINALITY AS entry(payload, ordinal)
                """);
            insert.Parameters.AddWithValue("first", firstSequence);
            insert.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bytea) { TypedValue = [.. payloads] });
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState == UniqueViolation)
            {
                // Another writer committed one of these sequence numbers after our check: it won.
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        throw EventLogConflict.Create(grainId, logName, firstSequence, await LastSequenceAsync(connection, grainId, logName, cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string logName, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Command(connection, grainId, logName, """
            SELECT sequence, payload FROM {schema}.event_log
            WHERE grain_type = @type AND grain_key = @key AND log_name = @log AND sequence > @after
            ORDER BY sequence LIMIT @max
            """);
        command.Parameters.AddWithValue("after", afterSequence);
        command.Parameters.AddWithValue("max", maxCount);
        var entries = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new StoredEvent(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
        }

        return entries;
    }

    private async Task<long> LastSequenceAsync(NpgsqlConnection connection, GrainId grainId, string logName, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, grainId, logName,
            "SELECT COALESCE(MAX(sequence), 0) FROM {schema}.event_log WHERE grain_type = @type AND grain_key = @key AND log_name = @log");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, GrainId grainId, string logName, string sql)
    {
        var command = new NpgsqlCommand(_database.Sql(sql), connection);
        command.Parameters.AddWithValue("type", grainId.Type);
        command.Parameters.AddWithValue("key", grainId.Key);
        command.Parameters.AddWithValue("log", logName);
        return command;
    }
}
