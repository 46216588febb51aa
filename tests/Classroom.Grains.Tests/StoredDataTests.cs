using System.Text.Json;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Replays;
using Classroom.Contracts.Serialization;
using Classroom.Contracts.Students;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

/// <summary>
/// Data written by the product before it ran on Orleans still loads: the SQLite file in Fixtures was written by the
/// last build on our own runtime (a recorded 3-hour lesson of 401 events: <c>bench -- replay --events 400 --students 6
/// --checkpoint-every 100</c>), with the classroom's snapshot and log, the replay's checkpoints, students and teacher.
/// </summary>
public sealed class StoredDataTests : IAsyncLifetime
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Fixtures", "classroom-db-written-before-orleans.db");
    private Classroom.TestKit.ClassroomTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClassroomCluster.StartAsync(database: File);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_lesson_recorded_before_the_port_loads_its_state_and_its_replay_agrees_with_it()
    {
        var classroom = _cluster.Client.GetGrain<IClassroomGrain>("saturday-algebra");
        var snapshot = await classroom.GetSnapshotAsync("bench-teacher");
        var events = await Lessons.EventsAsync(classroom, "bench-teacher");
        var replay = _cluster.Client.GetGrain<IReplayGrain>("saturday-algebra");
        var info = await replay.GetInfoAsync("bench-teacher");
        var end = await replay.SeekAsync("bench-teacher", info.DurationMillis);

        Assert.Equal(401, snapshot.Seq);
        Assert.Equal(ClassroomStatus.Ended, snapshot.Status);
        Assert.Equal("Word problems with linear equations", snapshot.Preview!.Title);
        Assert.Equal(Enumerable.Range(1, 401).Select(i => (long)i), (await AllSeqsAsync(classroom)));
        Assert.Equal("lesson.scheduled", events[0].Type);
        Assert.Equal(180 * 60_000, info.DurationMillis);
        Assert.Equal(Json(snapshot), Json(end.Snapshot));
        Assert.Equal(("p1", 0), (snapshot.Board.CurrentPageId, snapshot.Board.Pages.Single().Strokes.Count));
    }

    [Fact]
    public async Task The_lesson_goes_on_from_its_last_seq_and_students_keep_their_records()
    {
        var classroom = _cluster.Client.GetGrain<IClassroomGrain>("saturday-algebra");
        var student = await _cluster.Client.GetGrain<IStudentGrain>("student-1").GetSummaryAsync();

        await classroom.RateAsync("student-1", 5, ["patient"]);

        Assert.Equal(402, (await classroom.GetSnapshotAsync("bench-teacher")).Seq);
        Assert.Equal(("saturday-algebra", "bench-teacher", TimeSpan.FromHours(3)), student.Attendance.Select(a => (a.ClassroomId, a.TeacherId, a.Duration)).Single());
    }

    private static async Task<List<long>> AllSeqsAsync(IClassroomGrain classroom)
    {
        var seqs = new List<long>();
        var after = 0L;
        while (true)
        {
            var page = await classroom.ReadCommittedAsync(after, 1000);
            seqs.AddRange(page.Events.Select(e => e.Seq));
            after = page.ThroughSeq;
            if (!page.HasMore)
            {
                return seqs;
            }
        }
    }

    private static string Json(ClassroomSnapshot snapshot) => JsonSerializer.Serialize(snapshot, ContractsJsonContext.Default.ClassroomSnapshot);
}
