using Classroom.Runtime.EventLogs;
using Classroom.Runtime.Storage;
using Classroom.TestKit;

namespace Classroom.Runtime.Tests.Fixtures;

/// <summary>
/// Fresh storages of each provider for one test: memory, SQLite in a folder of its own, PostgreSQL in a schema of its
/// own (the server is started on first use). Disposing removes the folder and the schema.
/// </summary>
public sealed class StorageProviders : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("classroom-storage-").FullName;
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private PostgreSqlServer? _postgres;

    public static TheoryData<string> Names => ["memory", "sqlite", "postgresql"];

    public async Task<IGrainStorage> GrainStorageAsync(string provider) => provider switch
    {
        "memory" => new MemoryGrainStorage(),
        "sqlite" => new SqliteGrainStorage(Sqlite),
        _ => new PostgreSqlGrainStorage(await PostgreSqlAsync()),
    };

    public async Task<IEventLogStorage> EventLogStorageAsync(string provider) => provider switch
    {
        "memory" => new MemoryEventLogStorage(),
        "sqlite" => new SqliteEventLogStorage(Sqlite),
        _ => new PostgreSqlEventLogStorage(await PostgreSqlAsync()),
    };

    private SqliteGrainStorageOptions Sqlite => new() { DataDirectory = _directory };

    private async Task<PostgreSqlStorageOptions> PostgreSqlAsync() =>
        new() { ConnectionString = (_postgres ??= await PostgreSqlServer.SharedAsync()).ConnectionString, Schema = _schema };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        if (_postgres is not null)
        {
            await _postgres.DropSchemaAsync(_schema);
        }
    }
}
