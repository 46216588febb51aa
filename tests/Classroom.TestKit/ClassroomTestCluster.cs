using System.Collections.Concurrent;
using Classroom.Persistence.EventLogs;
using Classroom.Persistence.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Classroom.TestKit;

/// <summary>
/// An Orleans <see cref="TestCluster"/> (in-process silos, an external client: every call crosses Orleans'
/// serialization) with what grain tests need: grain state and event logs in a SQLite file that outlives silo restarts
/// and kills, and a <see cref="GrainClock"/> the grains and their timers read. Share one per test collection; make one
/// of its own for a test that moves the clock far or kills its silo.
/// </summary>
public sealed class ClassroomTestCluster : IAsyncDisposable
{
    internal const string ResourcesKey = "ClassroomTestKit:Resources";
    internal static readonly ConcurrentDictionary<string, ClassroomTestCluster> Running = new();

    private readonly string _key = Guid.NewGuid().ToString("N");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "classroom-tests", Guid.NewGuid().ToString("N"));
    private volatile StorageGate _gate = null!;
    private TestCluster _cluster = null!;

    private ClassroomTestCluster(ClassroomTestClusterOptions options)
    {
        Options = options;
        if (options.DatabaseFile is { } file)
        {
            Directory.CreateDirectory(_directory);
            File.Copy(file, Path.Combine(_directory, new SqliteStorageOptions().FileName));
        }

        Database = new SqliteDatabase(new SqliteStorageOptions { DataDirectory = _directory });
        EventLogs = options.EventLogStorage ?? new SqlEventLogStorage(Database);
    }

    /// <summary>What the silos host and how.</summary>
    public ClassroomTestClusterOptions Options { get; }

    /// <summary>The clock every grain of this cluster reads.</summary>
    public GrainClock Time { get; } = new();

    /// <summary>The SQLite database holding grain state (and the event logs, unless a test gave its own storage).</summary>
    public SqliteDatabase Database { get; }

    /// <summary>The event log storage the silos use; kept across restarts.</summary>
    public IEventLogStorage EventLogs { get; }

    /// <summary>The client tests call grains through.</summary>
    public IClusterClient Client => _cluster.Client;

    /// <summary>The Orleans test cluster underneath.</summary>
    public TestCluster Orleans => _cluster;

    /// <summary>Starts a cluster of <see cref="ClassroomTestClusterOptions.Silos"/> silos.</summary>
    public static async Task<ClassroomTestCluster> StartAsync(Action<ClassroomTestClusterOptions>? configure = null)
    {
        var options = new ClassroomTestClusterOptions();
        configure?.Invoke(options);
        var cluster = new ClassroomTestCluster(options);
        Running[cluster._key] = cluster;
        var builder = new TestClusterBuilder((short)options.Silos);
        builder.Properties[ResourcesKey] = cluster._key;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        cluster._cluster = builder.Build();
        await cluster._cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops the primary silo gracefully (its grains deactivate and save) and starts a new one over the same storage and clock.</summary>
    public async Task RestartAsync() => await _cluster.RestartSiloAsync(_cluster.Primary!);

    /// <summary>
    /// Kills the primary silo as a crash would: from this moment none of its writes reach storage and its grains get
    /// no chance to save anything more. Then starts a new silo over what the storage holds.
    /// </summary>
    public async Task KillAsync()
    {
        _gate.Close();
        await _cluster.RestartSiloAsync(_cluster.Primary!);
    }

    /// <summary>How many grains of type <paramref name="grainType"/> (e.g. <c>classroom</c>) are active now.</summary>
    public async Task<int> ActivationCountAsync(string grainType)
    {
        var statistics = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Count(s => s.GrainId.Type.ToString() == grainType);
    }

    /// <summary>Moves the grains' clock; see <see cref="GrainClock.AdvanceAsync"/>.</summary>
    public Task AdvanceAsync(TimeSpan delta) => Time.AdvanceAsync(delta);

    /// <summary>Completes when no grain timer tick is running.</summary>
    public Task WhenIdleAsync() => Time.WhenSettledAsync();

    /// <summary>The stored JSON of a grain's state, or null when none is stored.</summary>
    public async Task<byte[]?> ReadStoredStateAsync(GrainId grainId, string stateName)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = Database.Command(connection, StorageKey.Parameters(grainId, stateName),
            "SELECT payload FROM {schema}.grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @name");
        return await command.ExecuteScalarAsync() as byte[];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Running.TryRemove(_key, out _);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open somewhere: the temp folder is cleaned by the system.
        }
    }

    internal StorageGate NewGate() => _gate = new StorageGate(new SqlGrainStorageFactory(Database), EventLogs);

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var cluster = Running[silo.Configuration[ResourcesKey]!];
            var gate = cluster.NewGate();
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, cluster.Time);
            gate.Register(silo);
            cluster.Options.ConfigureSilo?.Invoke(silo);
        }
    }
}

/// <summary>What a <see cref="ClassroomTestCluster"/> hosts and how.</summary>
public sealed class ClassroomTestClusterOptions
{
    /// <summary>How many silos start (more than one only for tests of placement or failure).</summary>
    public int Silos { get; set; } = 1;

    /// <summary>An event log storage of the test's own (one that counts or fails); the SQLite one otherwise.</summary>
    public IEventLogStorage? EventLogStorage { get; set; }

    /// <summary>A SQLite file to start from (copied; the original is never written).</summary>
    public string? DatabaseFile { get; set; }

    /// <summary>The silo's grains and settings: registrations the test kit does not make itself.</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }
}
