using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Media;
using Classroom.Grains.Tests.Fixtures;
using Classroom.TestKit;

namespace Classroom.Grains.Tests;

/// <summary>The teacher's broadcast: who may go live, how segments are numbered and placed on the timeline, the fold and the replay's list.</summary>
public sealed class MediaTests : IAsyncLifetime
{
    private const string Teacher = Lessons.Teacher;
    private ClassroomTestCluster _cluster = null!;

    private Lessons Lessons => new(_cluster);

    public async Task InitializeAsync() => _cluster = await ClassroomCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IClassroomMedia Media(IClassroomGrain classroom) => _cluster.Client.GetGrain<IClassroomMedia>(classroom.GetPrimaryKeyString());

    private static MediaSegmentDraft Segment(long number, long offset, int duration = 1000, string sha = "a") =>
        new(number, offset, duration, 50_000, 4_000, 640, 480, new string(sha[0], 64), "vp8,opus");

    [Fact]
    public async Task Segments_lie_end_to_end_from_where_the_first_of_their_broadcast_arrived_however_late_the_next_come()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("media-timeline"), "s1");
        var media = Media(classroom);
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(60));
        var ticket = await media.StartBroadcastAsync(Teacher, MediaSource.Camera, microphone: true, camera: true);
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(2));

        var first = await media.AddSegmentAsync(Teacher, Segment(ticket.NextNumber, offset: 0));
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(6));
        var second = await media.AddSegmentAsync(Teacher, Segment(2, offset: 1000, duration: 1500));
        var third = await media.AddSegmentAsync(Teacher, Segment(3, offset: 2500));
        var snapshot = (await classroom.GetSnapshotAsync("s1")).Media!;

        Assert.Equal((1L, 1), (ticket.NextNumber, ticket.Broadcast));
        Assert.True(MediaIds.IsStreamId(ticket.StreamId));
        Assert.Equal([61_000L, 62_000L, 63_500L], new[] { first, second, third }.Select(s => s.StartMillis));
        Assert.Equal((ticket.StreamId, true, MediaSource.Camera, true, true), (snapshot.StreamId, snapshot.Live, snapshot.Source, snapshot.Microphone, snapshot.Camera));
        Assert.Equal([1L, 2L, 3L], snapshot.Segments.Select(s => s.Number));
        Assert.Equal(("vp8,opus", 640, 480), (snapshot.Segments[0].Codecs, snapshot.Segments[0].Width, snapshot.Segments[0].Height));
    }

    [Fact]
    public async Task A_new_broadcast_keeps_the_stream_and_its_numbers_and_is_never_placed_over_the_last()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("media-again"));
        var media = Media(classroom);
        var first = await media.StartBroadcastAsync(Teacher, MediaSource.Camera, true, true);
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(5));
        await media.AddSegmentAsync(Teacher, Segment(1, 0, duration: 4000));
        var second = await media.StartBroadcastAsync(Teacher, MediaSource.Screen, true, false);

        // Its sender says it recorded two seconds ending now, which overlaps the last segment's end: it follows it instead.
        var placed = await media.AddSegmentAsync(Teacher, Segment(second.NextNumber, 0, duration: 2000));

        Assert.Equal((first.StreamId, 2, 2L), (second.StreamId, second.Broadcast, second.NextNumber));
        Assert.Equal(5_000L, placed.StartMillis);
        Assert.Equal(MediaSource.Screen, (await classroom.GetSnapshotAsync(Teacher)).Media!.Source);
    }

    [Fact]
    public async Task A_joiner_gets_the_latest_five_and_the_replay_lists_every_segment_from_a_moment()
    {
        var id = Lessons.NewId("media-replay");
        var classroom = await Lessons.LiveAsync(id, "s1");
        var media = Media(classroom);
        await media.StartBroadcastAsync(Teacher, MediaSource.Camera, true, true);
        for (var n = 1; n <= 8; n++)
        {
            await _cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
            await media.AddSegmentAsync(Teacher, Segment(n, (n - 1) * 1000));
        }

        await classroom.EndAsync(Teacher);
        var snapshot = (await classroom.GetSnapshotAsync("s1")).Media!;
        var replay = _cluster.Client.GetGrain<IReplayMedia>(id);
        var fromThird = await replay.GetSegmentsAsync("s1", 2_500, 100);
        var firstTwo = await replay.GetSegmentsAsync("s1", 0, 2);

        Assert.Equal([4L, 5L, 6L, 7L, 8L], snapshot.Segments.Select(s => s.Number));
        Assert.False(snapshot.Live);
        Assert.Equal([3L, 4L, 5L, 6L, 7L, 8L], fromThird.Segments.Select(s => s.Number));
        Assert.Equal((snapshot.StreamId, false), (fromThird.StreamId, fromThird.HasMore));
        Assert.Equal([1L, 2L], firstTwo.Segments.Select(s => s.Number));
        Assert.True(firstTwo.HasMore);
        Assert.Equal(snapshot.Segments[^1], fromThird.Segments[^1]);
    }

    [Fact]
    public async Task Only_staff_broadcast_only_while_live_and_numbers_only_grow()
    {
        var scheduled = await Lessons.ScheduleAsync(Lessons.NewId("media-rules-early"));
        var classroom = await Lessons.LiveAsync(Lessons.NewId("media-rules"), "s1");
        await classroom.AppointAssistantAsync(Teacher, "assistant-li");
        var media = Media(classroom);

        await Assert.ThrowsAsync<ClassroomStateException>(() => Media(scheduled).StartBroadcastAsync(Teacher, MediaSource.Camera, true, true));
        var student = await Assert.ThrowsAsync<ClassroomPermissionException>(() => media.StartBroadcastAsync("s1", MediaSource.Camera, true, true));
        var notLive = await Assert.ThrowsAsync<ClassroomStateException>(() => media.CheckSegmentAsync(Teacher, 1));
        await media.StartBroadcastAsync(Teacher, MediaSource.Camera, true, true);
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => media.AddSegmentAsync("s1", Segment(1, 0)));
        var intruder = await Assert.ThrowsAsync<ClassroomPermissionException>(() => media.AddSegmentAsync("assistant-li", Segment(1, 0)));
        await media.AddSegmentAsync(Teacher, Segment(1, 0));
        await media.AddSegmentAsync(Teacher, Segment(1, 0));
        var used = await Assert.ThrowsAsync<ClassroomStateException>(() => media.AddSegmentAsync(Teacher, Segment(1, 0, sha: "b")));
        var jump = await Assert.ThrowsAsync<ClassroomStateException>(() => media.CheckSegmentAsync(Teacher, 3 + MediaLimits.MaxNumberJump));
        var codec = await Assert.ThrowsAsync<ClassroomValidationException>(() => media.AddSegmentAsync(Teacher, Segment(2, 1000) with { Codecs = "h264" }));
        var size = await Assert.ThrowsAsync<ClassroomValidationException>(() => media.AddSegmentAsync(Teacher, Segment(2, 1000) with { Width = 9000 }));
        await media.SetTracksAsync(Teacher, microphone: false, camera: true);
        await media.SetTracksAsync(Teacher, microphone: false, camera: true);
        await media.EndBroadcastAsync(Teacher);
        var stopped = await Assert.ThrowsAsync<ClassroomStateException>(() => media.AddSegmentAsync(Teacher, Segment(2, 1000)));

        Assert.Equal((Refusals.LessonStaffOnly, Refusals.MediaNotBroadcasting, Refusals.MediaNotYourBroadcast), (student.Code, notLive.Code, intruder.Code));
        Assert.Equal((Refusals.MediaNumberUsed, Refusals.MediaNumberOrder), (used.Code, jump.Code));
        Assert.Equal((Refusals.MediaUnsupportedCodec, Refusals.MediaPictureSize, Refusals.MediaNotBroadcasting), (codec.Code, size.Code, stopped.Code));
        Assert.Equal(
            ["media.broadcast-started", "media.segment-added", "media.tracks-changed", "media.broadcast-ended"],
            (await Lessons.EventsAsync(classroom)).Where(e => e.Type.StartsWith("media.", StringComparison.Ordinal)).Select(e => e.Type));
        var view = (await classroom.GetSnapshotAsync("s1")).Media!;
        Assert.Equal((false, false, true), (view.Live, view.Microphone, view.Camera));
    }

    [Fact]
    public async Task A_lesson_that_never_broadcast_shows_no_stream_and_a_restarted_silo_rebuilds_the_media_from_the_log()
    {
        var id = Lessons.NewId("media-restart");
        var classroom = await Lessons.LiveAsync(id);
        var before = (await classroom.GetSnapshotAsync(Teacher)).Media;
        var media = Media(classroom);
        await media.StartBroadcastAsync(Teacher, MediaSource.Camera, true, true);
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(3));
        await media.AddSegmentAsync(Teacher, Segment(1, 0));

        await _cluster.RestartAsync();
        var after = await Media(Lessons.Get(id)).AddSegmentAsync(Teacher, Segment(2, 1000));

        Assert.Equal((null, false, 0), (before!.StreamId, before.Live, before.Segments.Count));
        Assert.Equal(3_000L, after.StartMillis);
        Assert.Equal([1L, 2L], (await Lessons.Get(id).GetSnapshotAsync(Teacher)).Media!.Segments.Select(s => s.Number));
    }
}
