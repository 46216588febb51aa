using Classroom.Persistence.Storage;
using Classroom.TestKit;
using Microsoft.Data.Sqlite;

namespace Classroom.Persistence.Tests.Fixtures;

/// <summary>
/// A fresh, empty database for one test: SQLite in a folder of its own, PostgreSQL in a schema of its own (the server
/// is started on first use). Disposing removes the folder or the schema.
/// </summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary>A handle on the test's data; each SQLite handle is another one on the same file, as a second silo's would be.</summary>
    Task<SqlDatabase> ConnectAsync();
}

public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("classroom-persistence-").FullName;

    public SqliteStorageOptions Options => new() { DataDirectory = _directory };

    public Task<SqlDatabase> ConnectAsync() => Task.FromResult<SqlDatabase>(new SqliteDatabase(Options));

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgreSqlTestDatabase : ITestDatabase
{
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private PostgreSqlServer? _server;

    public async Task<SqlDatabase> ConnectAsync() =>
        PostgreSqlDatabase.For(new PostgreSqlStorageOptions { ConnectionString = (_server ??= await PostgreSqlServer.SharedAsync()).ConnectionString, Schema = _schema });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropSchemaAsync(_schema);
        }
    }
}

/// <summary>Runs an action and gives back what it threw, if anything: for races, where either side may lose.</summary>
public static class Outcome
{
    public static async Task<Exception?> Of(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
