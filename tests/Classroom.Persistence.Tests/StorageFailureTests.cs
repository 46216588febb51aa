using System.Net;
using System.Net.Sockets;
using Classroom.Persistence.Storage;
using Classroom.Persistence.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Classroom.Persistence.Tests;

/// <summary>
/// A database that cannot be reached, or is not one, fails every storage operation with
/// <see cref="StorageUnavailableException"/>, which Orleans carries whole to the caller (the provider's own exception
/// may have no codec: Npgsql's reached the gateway as a serialization error while PostgreSQL restarted).
/// </summary>
public sealed class StorageFailureTests
{
    private static readonly GrainId Grain = GrainId.Create("counter", "key-1");

    public static TheoryData<string> Databases => ["postgresql", "sqlite"];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_operation_on_a_failing_database_says_the_storage_is_unavailable(string kind)
    {
        var (database, cleanup) = FailingDatabase(kind);
        try
        {
            var logs = new SqlEventLogStorage(database);
            var states = new SqlGrainStorage(database, TestJson.Create());
            var state = new GrainState<CounterState> { State = new CounterState { Count = 1 } };

            Exception[] errors =
            [
                await Assert.ThrowsAsync<StorageUnavailableException>(() => logs.ReadAsync(Grain, "events", 0, 10, default)),
                await Assert.ThrowsAsync<StorageUnavailableException>(() => logs.AppendAsync(Grain, "events", 1, [[1]], default)),
                await Assert.ThrowsAsync<StorageUnavailableException>(() => states.ReadStateAsync("state", Grain, state)),
                await Assert.ThrowsAsync<StorageUnavailableException>(() => states.WriteStateAsync("state", Grain, state)),
                await Assert.ThrowsAsync<StorageUnavailableException>(() => states.ClearStateAsync("state", Grain, state)),
            ];

            Assert.All(errors, e => Assert.Contains(database.Location, e.Message));
            Assert.All(errors, e => Assert.Null(e.InnerException));
        }
        finally
        {
            cleanup();
        }
    }

    [Fact]
    public async Task The_failure_crosses_the_wire_with_its_message_and_whether_it_is_transient()
    {
        var (database, cleanup) = FailingDatabase("postgresql");
        StorageUnavailableException error;
        try
        {
            error = await Assert.ThrowsAsync<StorageUnavailableException>(() => new SqlEventLogStorage(database).ReadAsync(Grain, "events", 0, 10, default));
        }
        finally
        {
            cleanup();
        }

        await using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var copy = Assert.IsType<StorageUnavailableException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(error)));

        Assert.True(error.Transient, error.Message); // a refused connection is what a restart looks like
        Assert.Equal((error.Message, error.Transient), (copy.Message, copy.Transient));
        Assert.Contains("Npgsql", copy.Message);
    }

    /// <summary>PostgreSQL on a port nobody listens on, or a SQLite "database" file holding something else.</summary>
    private static (SqlDatabase Database, Action Cleanup) FailingDatabase(string kind)
    {
        if (kind == "postgresql")
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var options = new PostgreSqlStorageOptions
            {
                ConnectionString = $"Host=127.0.0.1;Port={port};Username=nobody;Password=none;Timeout=3",
                Schema = "unreachable_" + port,
            };
            return (PostgreSqlDatabase.For(options), () => { });
        }

        var directory = Directory.CreateTempSubdirectory("classroom-broken-").FullName;
        var sqlite = new SqliteStorageOptions { DataDirectory = directory };
        File.WriteAllText(sqlite.DatabasePath, new string('x', 8192));
        return (new SqliteDatabase(sqlite), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        });
    }
}
