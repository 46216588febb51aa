using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Npgsql;

namespace Classroom.Runtime.Storage;

/// <summary>
/// One PostgreSQL database and schema: a pooled data source, and the schema brought up to date once per process by
/// numbered migrations. Several silos may start at once: an advisory lock makes one migrate while the others wait and
/// then find nothing left to do.
/// </summary>
internal sealed partial class PostgreSqlDatabase
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
    ];

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

    /// <summary>The SQL text with <c>{schema}</c> replaced by the schema name.</summary>
    public string Sql(string text) => text.Replace("{schema}", Schema, StringComparison.Ordinal);

    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken);
        }

        return await _source.OpenConnectionAsync(cancellationToken);
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
