using System.Text.Json;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;
using Classroom.Contracts.Serialization;
using Classroom.Grains.Classrooms;
using Classroom.Grains.Tests.Fixtures;
using Classroom.TestKit;
using FsCheck;
using FsCheck.Fluent;

namespace Classroom.Grains.Tests;

/// <summary>
/// Generated lessons (FsCheck generators, fixed seeds so a failure can be replayed) are played against the live
/// classroom; what the classroom showed after every step must be exactly what the replay shows at that moment.
/// </summary>
public sealed class ReplayPropertyTests : IAsyncLifetime
{
    private const int CheckpointEvery = 4;
    private ClassroomTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ClassroomCluster.StartAsync(replays: o => o.CheckpointEvery = CheckpointEvery);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public static TheoryData<ulong> Seeds => [11, 23, 37, 41, 59, 67, 73, 89];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task The_replay_at_any_moment_shows_what_the_live_lesson_showed_then(ulong seed)
    {
        var steps = LessonScript.Lessons(60).Sample(1, Seeded(seed), 60).Single();
        var id = $"generated-{seed}";
        var classroom = _cluster.Client.GetGrain<IClassroomGrain>(id);
        var script = new LessonScript(classroom);
        await script.SetUpAsync();
        var startedAt = _cluster.Time.GetUtcNow();
        var observed = new List<(long Offset, string Viewer, ClassroomSnapshot Live)>();
        foreach (var step in steps)
        {
            await _cluster.AdvanceAsync(TimeSpan.FromMilliseconds(step.DelayMillis));
            await script.PlayAsync(step);
            var offset = (long)(_cluster.Time.GetUtcNow() - startedAt).TotalMilliseconds;
            foreach (var viewer in new[] { Lessons.Teacher, "s1", "outsider" })
            {
                observed.Add((offset, viewer, await classroom.GetSnapshotAsync(viewer)));
            }
        }

        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        await classroom.EndAsync(Lessons.Teacher);
        var ended = await classroom.GetSnapshotAsync(Lessons.Teacher);
        var replay = _cluster.Client.GetGrain<IReplayGrain>(id);

        foreach (var (offset, viewer, live) in observed)
        {
            var frame = await replay.SeekAsync(viewer, offset);
            Assert.Equal(offset, frame.OffsetMillis);
            Assert.True(Json(live) == Json(frame.Snapshot), $"seed {seed}: at {offset} ms (seq {live.Seq}) {viewer} saw\n{Json(live)}\nbut the replay shows\n{Json(frame.Snapshot)}");
        }

        var end = await replay.SeekAsync(Lessons.Teacher, long.MaxValue);
        Assert.True(end.AtEnd);
        Assert.Equal(Json(ended), Json(end.Snapshot));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_checkpoint_folded_forward_equals_folding_the_whole_log(ulong seed)
    {
        var steps = LessonScript.Lessons(40).Sample(1, Seeded(seed + 1000), 40).Single();
        var id = $"folded-{seed}";
        var script = new LessonScript(_cluster.Client.GetGrain<IClassroomGrain>(id));
        await script.SetUpAsync();
        var startedAt = _cluster.Time.GetUtcNow();
        foreach (var step in steps)
        {
            await _cluster.AdvanceAsync(TimeSpan.FromMilliseconds(step.DelayMillis));
            await script.PlayAsync(step);
        }

        var log = await ReadWholeLogAsync(id);
        var moments = Gen.Choose(0, (int)(log[^1].At - startedAt).TotalMilliseconds).Sample(25, Seeded(seed), 100);
        var replay = _cluster.Client.GetGrain<IReplayGrain>(id);
        foreach (var moment in moments)
        {
            var whole = new ClassroomState();
            foreach (var e in log.TakeWhile(e => e.At <= startedAt.AddMilliseconds(moment)))
            {
                whole.Apply(e, new ClassroomOptions().ChatHistory);
            }

            var frame = await replay.SeekAsync(Lessons.Teacher, moment);
            Assert.Equal(Json(ClassroomView.Of(id, whole, Lessons.Teacher, new ClassroomOptions().PresenceThreshold)), Json(frame.Snapshot));
        }

        // The replay really did use checkpoints: one every few events of the log.
        var checkpoints = await _cluster.EventLogs.ReadAsync(GrainId.Create("replay", id), "checkpoints", 0, 10_000, default);
        Assert.Equal(log.Count / CheckpointEvery, checkpoints.Count);
    }

    /// <summary>A generator state from a seed (SplitMix64's gamma: any odd number will do).</summary>
    private static Rnd Seeded(ulong seed) => new(seed, 0x9E3779B97F4A7C15UL);

    private async Task<List<ClassroomEvent>> ReadWholeLogAsync(string id)
    {
        var stored = await _cluster.EventLogs.ReadAsync(GrainId.Create("classroom", id), "events", 0, 100_000, default);
        return stored.Select(s => JsonSerializer.Deserialize(s.Payload, ContractsJsonContext.Default.ClassroomEvent)!).ToList();
    }

    private static string Json(ClassroomSnapshot snapshot) => JsonSerializer.Serialize(snapshot, ContractsJsonContext.Default.ClassroomSnapshot);
}
