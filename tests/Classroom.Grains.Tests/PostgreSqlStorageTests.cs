using System.Text.Json;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Replays;
using Classroom.Contracts.Serialization;
using Classroom.Grains.Tests.Fixtures;
using Classroom.Persistence;
using Classroom.Persistence.Storage;
using Classroom.TestKit;
using Orleans.Providers;

namespace Classroom.Grains.Tests;

/// <summary>The classroom grains over PostgreSQL (the cluster's storage) rather than the embedded SQLite.</summary>
public sealed class PostgreSqlStorageTests : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private PostgreSqlServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgreSqlServer.SharedAsync();

    public Task DisposeAsync() => _postgres.DropSchemaAsync(_schema);

    [Fact]
    public async Task A_lesson_kept_in_postgresql_comes_back_whole_on_a_new_silo_and_replays_from_its_log()
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = _postgres.ConnectionString, Schema = _schema };
        await using var cluster = await ClassroomCluster.StartAsync(o => o.SnapshotEvery = 7,
            silo: s => s.AddPostgreSqlStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, options));
        var lessons = new Lessons(cluster);
        var classroom = await lessons.LiveAsync("kept", "s1", "s2", "s3");
        await classroom.PostChatAsync("s1", "Is it x = 4?");
        var poll = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("What is x?", ["3", "4"]));
        await classroom.VoteAsync("s1", poll, [1]);
        await classroom.VoteAsync("s2", poll, [0]);
        await classroom.ClosePollAsync(Lessons.Teacher, poll);
        await classroom.AddMarkerAsync(Lessons.Teacher, "Checking the answer");
        await classroom.EndAsync(Lessons.Teacher);
        var before = await classroom.GetSnapshotAsync(Lessons.Teacher);

        await cluster.RestartAsync();
        var after = await lessons.Get("kept").GetSnapshotAsync(Lessons.Teacher);
        var replay = cluster.Client.GetGrain<IReplayGrain>("kept");
        var info = await replay.GetInfoAsync("s3");
        var end = await replay.SeekAsync(Lessons.Teacher, info.DurationMillis);

        Assert.Equal(Json(before), Json(after));
        Assert.Equal(Json(before), Json(end.Snapshot));
        Assert.Equal(["Is it x = 4?"], after.Chat.Messages.Select(m => m.Text));
        Assert.Equal([1, 1], after.Polls.Single().Counts);
        Assert.Contains("Checking the answer", info.Chapters.Select(c => c.Label));
        // Nothing went to the test cluster's SQLite log: PostgreSQL held it all.
        Assert.Empty(await cluster.EventLogs.ReadAsync(GrainId.Create("classroom", "kept"), "events", 0, 10, default));
    }

    private static string Json(ClassroomSnapshot snapshot) => JsonSerializer.Serialize(snapshot, ContractsJsonContext.Default.ClassroomSnapshot);
}
