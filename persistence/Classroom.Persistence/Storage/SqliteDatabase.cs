using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Classroom.Persistence.Storage;

/// <summary>
/// One SQLite file (the embedded default): pooled connections with WAL journaling and synchronous=NORMAL (a committed
/// transaction survives the process being killed; a power cut may lose the last ones, as for any WAL database run
/// this way). The tables are created once per process.
/// </summary>
public sealed class SqliteDatabase(SqliteStorageOptions options) : SqlDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload BLOB,
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS event_log (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            log_name TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (grain_type, grain_key, log_name, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS blob (
            blob_key TEXT NOT NULL PRIMARY KEY,
            content_type TEXT NOT NULL,
            length INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            content BLOB NOT NULL
        );
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = options.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    private readonly SemaphoreSlim _initialization = new(1, 1);
    private volatile bool _initialized;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; } = options.DatabasePath;

    /// <inheritdoc />
    public override string Location => DatabasePath;

    /// <inheritdoc />
    public override bool BlocksOnIo => true;

    /// <inheritdoc />
    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    /// <remarks>BEGIN IMMEDIATE: the write lock is taken before reading a log's end, so two appenders cannot both pass the check.</remarks>
    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc />
    public override string Sql(string text) => text.Replace("{schema}.", "", StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool IsUniqueViolation(DbException error) => error is SqliteException { SqliteErrorCode: 19 };

    /// <inheritdoc />
    /// <remarks>
    /// SQLite's incremental blob I/O reads only the pages of the range (<c>substr</c> would load the whole value first);
    /// it needs the row's rowid, which is why the blob table, unlike the others, has one.
    /// </remarks>
    public override async Task<int?> ReadBlobAsync(DbConnection connection, string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        await using var find = Command(connection, [("@key", key)], "SELECT rowid, length FROM blob WHERE blob_key = @key");
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (rowid, length) = (reader.GetInt64(0), reader.GetInt64(1));
        if (offset >= length)
        {
            return 0;
        }

        await using var blob = new SqliteBlob((SqliteConnection)connection, "blob", "content", rowid, readOnly: true);
        blob.Seek(offset, SeekOrigin.Begin);
        var wanted = (int)Math.Min(destination.Length, length - offset);
        var filled = 0;
        while (filled < wanted && blob.Read(destination.Span[filled..wanted]) is > 0 and var read)
        {
            filled += read;
        }

        return filled;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;\n" + Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initialization.Release();
        }
    }
}

/// <summary>Where the SQLite storages keep their file.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The data folder; created if missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file within <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "classroom.db";

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
