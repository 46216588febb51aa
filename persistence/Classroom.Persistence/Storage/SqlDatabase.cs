using System.Data;
using System.Data.Common;

namespace Classroom.Persistence.Storage;

/// <summary>
/// What differs between the databases the storages run on: how a connection opens (and the schema comes up to date),
/// how a write transaction starts, how table names are qualified, how a duplicate key is reported, and how a batch of
/// events is inserted. Everything else, the ETag rules and the log's continuity check, is written once, in
/// <see cref="SqlGrainStorage"/> and <see cref="SqlEventLogStorage"/>, for both.
/// </summary>
public abstract class SqlDatabase
{
    /// <summary>Where the data lives, for the people running the silo (a file path, a schema).</summary>
    public abstract string Location { get; }

    /// <summary>
    /// True when the provider's async methods in fact block (Microsoft.Data.Sqlite's do): the storages then run their
    /// statements on the thread pool, so a grain awaiting a write is free to take other calls meanwhile. That is what
    /// lets a reentrant grain gather the calls that arrive during one append into the next (group commit).
    /// </summary>
    public virtual bool BlocksOnIo => false;

    /// <summary>
    /// Runs <paramref name="work"/> where it does not hold up the calling grain (see <see cref="BlocksOnIo"/>), its
    /// database failures reported as <see cref="StorageUnavailableException"/>.
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) => GuardAsync(BlocksOnIo ? () => Task.Run(work) : work);

    /// <summary>As <see cref="RunAsync{T}(Func{Task{T}})"/>, without a result.</summary>
    public Task RunAsync(Func<Task> work) => GuardAsync(async () =>
    {
        await (BlocksOnIo ? Task.Run(work) : work());
        return true;
    });

    /// <summary>
    /// Runs <paramref name="work"/> on the caller's thread, reporting a failure of the database (a restart, a lost
    /// connection, a full disk) as <see cref="StorageUnavailableException"/>: the provider's own exception may have
    /// no Orleans codec (Npgsql's has none), and would reach the caller as a serialization error instead.
    /// </summary>
    public async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (DbException e) when (!IsUniqueViolation(e))
        {
            throw StorageUnavailableException.From(e, Location);
        }
    }

    /// <summary>Opens a connection; the first one of the process creates or migrates the tables.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that holds the write lock from its first statement.</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The SQL text with <c>{schema}.</c> qualifying table names as this database does.</summary>
    public abstract string Sql(string text);

    /// <summary>True when <paramref name="error"/> reports a duplicate primary key.</summary>
    public abstract bool IsUniqueViolation(DbException error);

    /// <summary>Inserts events as <paramref name="firstSequence"/>, +1, … within <paramref name="transaction"/>.</summary>
    public virtual async Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, EventLogKey log, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, log.Parameters,
            "INSERT INTO {schema}.event_log (grain_type, grain_key, log_name, sequence, payload) VALUES (@type, @key, @name, @sequence, @payload)");
        insert.Transaction = transaction;
        var sequence = AddParameter(insert, "@sequence", 0L, DbType.Int64);
        var payload = AddParameter(insert, "@payload", Array.Empty<byte>(), DbType.Binary);
        for (var i = 0; i < payloads.Count; i++)
        {
            sequence.Value = firstSequence + i;
            payload.Value = payloads[i];
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Copies the bytes of blob <paramref name="key"/> from <paramref name="offset"/> into <paramref name="destination"/>
    /// (as many as fit and remain); null when no such blob is stored. This one asks for the range with
    /// <c>substring</c>, which PostgreSQL answers from the range's pages alone when the column is stored uncompressed.
    /// </summary>
    public virtual async Task<int?> ReadBlobAsync(DbConnection connection, string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, [("@key", key), ("@from", offset + 1), ("@count", (long)destination.Length)],
            "SELECT substring(content FROM CAST(@from AS integer) FOR CAST(@count AS integer)) FROM {schema}.blob WHERE blob_key = @key");
        var range = await command.ExecuteScalarAsync(cancellationToken);
        if (range is not byte[] bytes)
        {
            return null;
        }

        bytes.CopyTo(destination);
        return bytes.Length;
    }

    /// <summary>A command with <paramref name="sql"/> (schema-qualified) and the parameters given.</summary>
    public DbCommand Command(DbConnection connection, IEnumerable<(string Name, object Value)> parameters, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = Sql(sql);
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value, value is long ? DbType.Int64 : DbType.String);
        }

        return command;
    }

    /// <summary>Adds a typed parameter; null becomes SQL NULL.</summary>
    public static DbParameter AddParameter(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

/// <summary>The row key of one log: grain type, grain key and log name, as stored.</summary>
public readonly record struct EventLogKey(GrainId GrainId, string LogName)
{
    /// <summary>The key as the <c>@type</c>, <c>@key</c> and <c>@name</c> parameters.</summary>
    public (string, object)[] Parameters => StorageKey.Parameters(GrainId, LogName);
}

/// <summary>How a grain's identity is stored: its type name and its key as text, as the tables have always held them.</summary>
public static class StorageKey
{
    /// <summary>The <c>@type</c>, <c>@key</c> and <c>@name</c> parameters of a grain's state or log.</summary>
    public static (string, object)[] Parameters(GrainId grainId, string name) =>
        [("@type", grainId.Type.ToString()!), ("@key", grainId.Key.ToString()!), ("@name", name)];
}
