using Classroom.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace Classroom.Runtime.EventLogs;

/// <summary>
/// Event logs in the embedded SQLite file. An append is one transaction, however many events it carries: that is what
/// lets a grain commit a burst of events with one write. Sequence numbers are part of the primary key, so an append
/// that reuses one fails instead of interleaving two writers.
/// </summary>
public sealed class SqliteEventLogStorage : IEventLogStorage
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the storage; the file and its table are created on first use.</summary>
    public SqliteEventLogStorage(SqliteGrainStorageOptions options)
    {
        _database = new SqliteDatabase(options.DatabasePath, """
            CREATE TABLE IF NOT EXISTS event_log (
                grain_type TEXT NOT NULL,
                grain_key TEXT NOT NULL,
                log_name TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (grain_type, grain_key, log_name, sequence)
            ) WITHOUT ROWID;
            """);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _database.Path;

    /// <inheritdoc />
    public async Task AppendAsync(GrainId grainId, string logName, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: the write lock is taken before reading the log's end, so two appenders cannot both pass the check.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var last = await LastSequenceAsync(connection, transaction, grainId, logName, cancellationToken);
        if (last != firstSequence - 1)
        {
            throw EventLogConflict.Create(grainId, logName, firstSequence, last);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO event_log (grain_type, grain_key, log_name, sequence, payload) VALUES ($type, $key, $log, $sequence, $payload)";
        insert.Parameters.AddWithValue("$type", grainId.Type);
        insert.Parameters.AddWithValue("$key", grainId.Key);
        insert.Parameters.AddWithValue("$log", logName);
        var sequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        try
        {
            for (var i = 0; i < payloads.Count; i++)
            {
                sequence.Value = firstSequence + i;
                payload.Value = payloads[i];
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: another writer took one of these sequence numbers first.
            throw EventLogConflict.Create(grainId, logName, firstSequence, await LastSequenceAsync(connection, transaction, grainId, logName, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(GrainId grainId, string logName, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, payload FROM event_log
            WHERE grain_type = $type AND grain_key = $key AND log_name = $log AND sequence > $after
            ORDER BY sequence LIMIT $max
            """;
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$log", logName);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$max", maxCount);
        var entries = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new StoredEvent(reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return entries;
    }

    private static async Task<long> LastSequenceAsync(SqliteConnection connection, SqliteTransaction transaction, GrainId grainId, string logName, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM event_log WHERE grain_type = $type AND grain_key = $key AND log_name = $log";
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$log", logName);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
