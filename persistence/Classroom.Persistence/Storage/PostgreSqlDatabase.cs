using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Classroom.Persistence.Storage;

/// <summary>
/// One PostgreSQL database and schema: a pooled data source, and the schema brought up to date once per process by
/// numbered migrations. Several silos may start at once: an advisory lock makes one migrate while the others wait and
/// then find nothing left to do.
/// </summary>
public sealed partial class PostgreSqlDatabase : SqlDatabase
{
    // Append-only: a shipped migration never changes, a new one is added at the end.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE {schema}.grain_state (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            state_name text NOT NULL,
            version bigint NOT NULL,
            payload bytea,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );
        CREATE TABLE {schema}.event_log (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            log_name text NOT NULL,
            sequence bigint NOT NULL,
            payload bytea NOT NULL,
            PRIMARY KEY (grain_type, grain_key, log_name, sequence)
        );
        """,
        // Blobs (slide decks, media segments): already compressed formats, so stored uncompressed out of line, where
        // substring reads only the range's pages.
        """
        CREATE TABLE {schema}.blob (
            blob_key text PRIMARY KEY,
            content_type text NOT NULL,
            length bigint NOT NULL,
            sha256 text NOT NULL,
            created_at bigint NOT NULL,
            content bytea NOT NULL
        );
        ALTER TABLE {schema}.blob ALTER COLUMN content SET STORAGE EXTERNAL;
        """,
    ];

    private const string UniqueViolation = "23505";

    // Storages of one process that name the same database and schema share a pool and a migration.
    private static readonly ConcurrentDictionary<(string, string), PostgreSqlDatabase> Shared = new();

    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    private PostgreSqlDatabase(string connectionString, string schema)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        Schema = schema;
    }

    /// <summary>The schema name, checked to be a plain identifier: it is written into SQL text.</summary>
    public string Schema { get; }

    /// <inheritdoc />
    public override string Location => $"PostgreSQL schema '{Schema}' (Classroom:Silo:PostgreSql)";

    /// <summary>The database of <paramref name="options"/>, shared within the process.</summary>
    public static PostgreSqlDatabase For(PostgreSqlStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("The PostgreSQL storage needs a connection string (Classroom:Silo:PostgreSql:ConnectionString).", nameof(options));
        }

        if (!Identifier().IsMatch(options.Schema))
        {
            throw new ArgumentException($"'{options.Schema}' is not a schema name this storage uses: lower-case letters, digits and '_', starting with a letter.", nameof(options));
        }

        return Shared.GetOrAdd((options.ConnectionString, options.Schema), key => new PostgreSqlDatabase(key.Item1, key.Item2));
    }

    /// <inheritdoc />
    public override string Sql(string text) => text.Replace("{schema}", Schema, StringComparison.Ordinal);

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await _source.OpenConnectionAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Read committed: the log's continuity rests on its primary key, which refuses the loser of a race.</remarks>
    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException error) => error is PostgresException { SqlState: UniqueViolation };

    /// <inheritdoc />
    /// <remarks>One statement for the whole batch: the payloads travel as one array parameter.</remarks>
    public override async Task InsertEventsAsync(
        DbConnection connection, DbTransaction transaction, EventLogKey log, long firstSequence, IReadOnlyList<byte[]> payloads, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, log.Parameters, """
            INSERT INTO {schema}.event_log (grain_type, grain_key, log_name, sequence, payload)
            SELECT @type, @key, @name, @first + entry.ordinal - 1, entry.payload
            FROM unnest(@payloads) WITH ORDINALITY AS entry(payload, ordinal)
            """);
        insert.Transaction = transaction;
        insert.Parameters.Add(new NpgsqlParameter<long>("first", firstSequence));
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bytea) { TypedValue = [.. payloads] });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migration.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('classroom-migrations:' || @schema))", cancellationToken);
            await ExecuteAsync(connection, Sql("""
                CREATE SCHEMA IF NOT EXISTS {schema};
                CREATE TABLE IF NOT EXISTS {schema}.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
                """), cancellationToken);
            await using var current = new NpgsqlCommand(Sql("SELECT COALESCE(MAX(version), 0) FROM {schema}.schema_version"), connection);
            var applied = (int)(await current.ExecuteScalarAsync(cancellationToken))!;
            for (var version = applied + 1; version <= Migrations.Length; version++)
            {
                await ExecuteAsync(connection, Sql(Migrations[version - 1]), cancellationToken);
                await ExecuteAsync(connection, Sql($"INSERT INTO {{schema}}.schema_version (version) VALUES ({version})"), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migration.Release();
        }
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", Schema);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}

/// <summary>Where the PostgreSQL storages keep their tables.</summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=classroom;Password=…;Database=classroom</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema holding the tables; created, with them, on first use. Lower-case letters, digits and '_'.</summary>
    public string Schema { get; set; } = "classroom";
}
