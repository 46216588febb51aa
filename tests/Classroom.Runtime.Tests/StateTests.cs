using Classroom.Runtime.Storage;
using Classroom.Runtime.Tests.Fixtures;
using Classroom.Runtime.Tests.Grains;

namespace Classroom.Runtime.Tests;

[Collection(RuntimeCollection.Name)]
public sealed class StateTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task Written_state_is_read_back_by_the_next_activation()
    {
        var counter = fixture.Grains.GetGrain<ICounterGrain>("persisted");
        await counter.AddAsync(5);
        await counter.SaveAsync();
        await counter.AddAsync(100); // not saved: lost with the activation

        var first = await counter.GetActivationIdAsync();
        await counter.DeactivateAsync();
        await fixture.Probe.WaitAsync($"deactivated:persisted:{first}");

        Assert.Equal(5, await counter.GetAsync());
        Assert.Equal("1", await counter.GetEtagAsync());
    }

    [Fact]
    public async Task A_write_based_on_a_stale_etag_fails_and_leaves_the_stored_state_alone()
    {
        var counter = fixture.Grains.GetGrain<ICounterGrain>("contended");
        await counter.IncrementAsync();
        await counter.SaveAsync();
        var etag = await counter.GetEtagAsync();

        // Another writer changes the stored state behind the activation's back.
        var grainId = new GrainId("counter", "contended");
        var sneaky = await fixture.Cluster.Storage.WriteAsync(grainId, "counter", "{\"value\":77}"u8.ToArray(), etag, default);

        await counter.IncrementAsync();
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.SaveAsync());

        Assert.Contains("counter/contended", error.Message);
        Assert.Contains($"ETag '{etag}'", error.Message);
        Assert.Contains($"ETag '{sneaky}'", error.Message);
        var stored = await fixture.Cluster.Storage.ReadAsync(grainId, "counter", default);
        Assert.Equal("{\"value\":77}", System.Text.Encoding.UTF8.GetString(stored!.Payload!));
    }

    [Fact]
    public async Task Clearing_state_deletes_it_and_resets_the_grain()
    {
        var counter = fixture.Grains.GetGrain<ICounterGrain>("cleared");
        await counter.AddAsync(3);
        await counter.SaveAsync();

        await counter.ClearAsync();

        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal("2", await counter.GetEtagAsync());
        Assert.False((await fixture.Cluster.Storage.ReadAsync(new GrainId("counter", "cleared"), "counter", default))!.HasPayload);

        await counter.IncrementAsync();
        await counter.SaveAsync();
        Assert.Equal("3", await counter.GetEtagAsync());
    }

    [Fact]
    public async Task Memory_state_survives_a_restart_of_the_test_cluster()
    {
        var (cluster, _) = await RuntimeTestCluster.StartAsync();
        await using var __ = cluster;
        await cluster.Client.GetGrain<ICounterGrain>("restart").AddAsync(9);
        await cluster.Client.GetGrain<ICounterGrain>("restart").SaveAsync();

        await cluster.RestartAsync();

        Assert.Equal(9, await cluster.Client.GetGrain<ICounterGrain>("restart").GetAsync());
    }
}

public sealed class SqliteStateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("classroom-sqlite-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Sqlite_state_survives_a_restart_of_the_host()
    {
        var (cluster, _) = await StartAsync();
        var counter = cluster.Client.GetGrain<ICounterGrain>("durable");
        await counter.AddAsync(41);
        await counter.IncrementAsync();
        await counter.SaveAsync();
        await cluster.DisposeAsync();

        var (restarted, _) = await StartAsync();
        await using var __ = restarted;

        Assert.Equal(42, await restarted.Client.GetGrain<ICounterGrain>("durable").GetAsync());
        Assert.Equal("1", await restarted.Client.GetGrain<ICounterGrain>("durable").GetEtagAsync());
        Assert.True(File.Exists(Path.Combine(_directory, "classroom.db")));
    }

    [Fact]
    public async Task Sqlite_refuses_a_stale_etag_from_a_second_host_on_the_same_file()
    {
        var (first, _) = await StartAsync();
        await using var __ = first;
        var (second, _) = await StartAsync();
        await using var ___ = second;
        await first.Client.GetGrain<ICounterGrain>("shared").SaveAsync();
        await second.Client.GetGrain<ICounterGrain>("shared").GetAsync();
        await first.Client.GetGrain<ICounterGrain>("shared").SaveAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => second.Client.GetGrain<ICounterGrain>("shared").SaveAsync());
    }

    private Task<(Classroom.TestKit.TestCluster, Probe)> StartAsync() =>
        RuntimeTestCluster.StartAsync(builder: b => b.AddSqliteGrainStorage(GrainStorage.DefaultName, o => o.DataDirectory = _directory));
}
