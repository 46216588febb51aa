using System.Text;
using Classroom.Persistence.Storage;
using Classroom.Persistence.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Classroom.Persistence.Tests;

/// <summary>
/// A SQLite file written by the old home-made runtime: the same tables, a grain's state as JSON with its version, its
/// log as one JSON event a row. The Orleans storages must read it as it is and carry on from where it stopped.
/// </summary>
public sealed class LegacyDatabaseTests : IDisposable
{
    private static readonly GrainId Lesson = GrainId.Create("classroom", "algebra-1");
    private static readonly GrainId Cleared = GrainId.Create("classroom", "geometry-2");

    // The tables exactly as the old runtime created them (its SqliteGrainStorage and SqliteEventLogStorage).
    private const string OldSchema = """
        PRAGMA journal_mode = WAL;
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
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("classroom-legacy-").FullName;

    public LegacyDatabaseTests()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "classroom.db"), Pooling = false }.ToString());
        connection.Open();
        Execute(connection, OldSchema);
        Execute(connection, "INSERT INTO grain_state VALUES ('classroom', 'algebra-1', 'classroom', 3, @payload)",
            ("@payload", """{"Subject":"Algebra","Students":["ann","bob"]}"""));
        // The old runtime cleared a state by keeping its row with no payload.
        Execute(connection, "INSERT INTO grain_state VALUES ('classroom', 'geometry-2', 'classroom', 7, NULL)");
        Execute(connection, "INSERT INTO event_log VALUES ('classroom', 'algebra-1', 'events', 1, @payload)", ("@payload", """{"Kind":"Joined","Who":"ann"}"""));
        Execute(connection, "INSERT INTO event_log VALUES ('classroom', 'algebra-1', 'events', 2, @payload)", ("@payload", """{"Kind":"Joined","Who":"bob"}"""));
        Execute(connection, "INSERT INTO event_log VALUES ('classroom', 'algebra-1', 'events', 3, @payload)", ("@payload", """{"Kind":"Left","Who":"ann"}"""));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteDatabase Open() => new(new SqliteStorageOptions { DataDirectory = _directory });

    [Fact]
    public async Task State_and_events_written_by_the_old_runtime_load()
    {
        var database = Open();
        var json = TestJson.Create();
        var lesson = new GrainState<LessonState>();
        var cleared = new GrainState<LessonState>();

        await new SqlGrainStorage(database, json).ReadStateAsync("classroom", Lesson, lesson);
        await new SqlGrainStorage(database, json).ReadStateAsync("classroom", Cleared, cleared);
        var events = await new SqlEventLogStorage(database).ReadAsync(Lesson, "events", 0, 10, default);

        Assert.Equal("3", lesson.ETag);
        Assert.True(lesson.RecordExists);
        Assert.Equal("Algebra", lesson.State!.Subject);
        Assert.Equal(["ann", "bob"], lesson.State.Students);
        Assert.Equal("7", cleared.ETag);
        Assert.False(cleared.RecordExists);
        Assert.Equal([1L, 2, 3], events.Select(e => e.Sequence));
        Assert.Equal([new LessonEvent("Joined", "ann"), new LessonEvent("Joined", "bob"), new LessonEvent("Left", "ann")],
            events.Select(e => json.Deserialize<LessonEvent>(e.Payload)));
    }

    [Fact]
    public async Task The_new_storages_carry_on_from_the_old_versions_and_sequence_numbers()
    {
        var database = Open();
        var json = TestJson.Create();
        var states = new SqlGrainStorage(database, json);
        var log = new SqlEventLogStorage(database);
        var lesson = new GrainState<LessonState>();
        await states.ReadStateAsync("classroom", Lesson, lesson);

        lesson.State!.Students.Add("cat");
        await states.WriteStateAsync("classroom", Lesson, lesson);
        var first = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            states.WriteStateAsync("classroom", Lesson, new GrainState<LessonState> { State = new LessonState() }));
        var reused = await Assert.ThrowsAsync<InconsistentStateException>(() => log.AppendAsync(Lesson, "events", 3, [Encoding.UTF8.GetBytes("{}")], default));
        await log.AppendAsync(Lesson, "events", 4, [json.Serialize(new LessonEvent("Joined", "cat"))], default);

        Assert.Equal("4", lesson.ETag);
        Assert.Equal("4", first.StoredEtag);
        Assert.Equal("3", reused.StoredEtag);
        var reread = new GrainState<LessonState>();
        await states.ReadStateAsync("classroom", Lesson, reread);
        Assert.Equal(["ann", "bob", "cat"], reread.State!.Students);
        Assert.Equal([3L, 4], (await log.ReadAsync(Lesson, "events", 2, 10, default)).Select(e => e.Sequence));
        Assert.Equal(new LessonEvent("Joined", "cat"), json.Deserialize<LessonEvent>((await log.ReadAsync(Lesson, "events", 3, 10, default))[0].Payload));
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, string Json)[] blobs)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, json) in blobs)
        {
            // The old runtime handed its storage UTF-8 bytes: the payload column holds a BLOB, not TEXT.
            command.Parameters.Add(name, SqliteType.Blob).Value = Encoding.UTF8.GetBytes(json);
        }

        command.ExecuteNonQuery();
    }
}
