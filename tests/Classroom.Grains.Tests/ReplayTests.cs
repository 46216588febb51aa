using System.Text;
using Classroom.Contracts.Board;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Replays;
using Classroom.Grains.Tests.Fixtures;
using Classroom.TestKit;

namespace Classroom.Grains.Tests;

public sealed class ReplayTests : IAsyncLifetime
{
    private ClassroomTestCluster _cluster = null!;

    private Lessons Lessons => new(_cluster);

    public async Task InitializeAsync() => _cluster = await ClassroomCluster.StartAsync(replays: o => o.CheckpointEvery = 5);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Json(ClassroomSnapshot snapshot) =>
        System.Text.Json.JsonSerializer.Serialize(snapshot, Contracts.Serialization.ContractsJsonContext.Default.ClassroomSnapshot);

    private IReplayGrain Replay(string id) => _cluster.Client.GetGrain<IReplayGrain>(id);

    [Fact]
    public async Task The_timeline_starts_at_the_start_and_its_chapters_are_markers_polls_start_and_end()
    {
        var classroom = await Lessons.LiveAsync("chapters", "s1");
        await _cluster.AdvanceAsync(TimeSpan.FromMinutes(5));
        await classroom.AddMarkerAsync(Lessons.Teacher, "Setting up the equation");
        await _cluster.AdvanceAsync(TimeSpan.FromMinutes(10));
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("x = ?", ["3", "4"]));
        await _cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await classroom.ClosePollAsync(Lessons.Teacher, pollId);
        await _cluster.AdvanceAsync(TimeSpan.FromMinutes(44));
        await classroom.EndAsync(Lessons.Teacher);

        var info = await Replay("chapters").GetInfoAsync("s1");

        Assert.Equal(ClassroomStatus.Ended, info.Status);
        Assert.Equal("https://media.example/live/algebra.m3u8", info.Preview!.MediaUrl);
        Assert.Equal(60 * 60_000, info.DurationMillis);
        Assert.Equal(
            [("Lesson started", 0L), ("Setting up the equation", 5 * 60_000L), ("Poll: x = ?", 15 * 60_000L), ("Poll closed: x = ?", 16 * 60_000L), ("Lesson ended", 60 * 60_000L)],
            info.Chapters.Select(c => (c.Label, c.OffsetMillis)));
        Assert.Equal([MarkerKind.LessonStart, MarkerKind.Teacher, MarkerKind.PollOpened, MarkerKind.PollClosed, MarkerKind.LessonEnd], info.Chapters.Select(c => c.Kind));
    }

    [Fact]
    public async Task A_seek_shows_the_chat_and_tallies_of_that_moment()
    {
        var classroom = await Lessons.LiveAsync("tallies", "s1", "s2", "s3");
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("x = ?", ["3", "4"]));
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        await classroom.VoteAsync("s1", pollId, [1]);
        await classroom.PostChatAsync("s1", "is it 4?");
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        await classroom.VoteAsync("s2", pollId, [1]);
        await classroom.VoteAsync("s3", pollId, [0]);
        await classroom.PostChatAsync("s2", "4!");

        var early = await Replay("tallies").SeekAsync("s1", 15_000);
        var late = await Replay("tallies").SeekAsync("s1", 20_000);

        Assert.Equal([0, 1], early.Snapshot.Polls.Single().Counts);
        Assert.Equal(["is it 4?"], early.Snapshot.Chat.Messages.Select(m => m.Text));
        Assert.False(early.AtEnd);
        Assert.Equal([1, 2], late.Snapshot.Polls.Single().Counts);
        Assert.Equal(["is it 4?", "4!"], late.Snapshot.Chat.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task A_seek_shows_the_board_of_that_moment_with_a_stroke_as_far_as_it_was_drawn()
    {
        var classroom = await Lessons.LiveAsync("board", "s1");
        var board = _cluster.Client.GetGrain<IClassroomBoard>("board");
        const string connection = Lessons.Teacher + "-c1";
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        await board.StartStrokeAsync(Lessons.Teacher, connection, new StrokeStart("a", "p1", BoardTool.Pen, "#000000", 30, [1, 1]));
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        await board.EndStrokeAsync(Lessons.Teacher, connection, "a", [2, 2]);
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        await board.AddPageAsync(Lessons.Teacher);
        await board.DrawShapeAsync(Lessons.Teacher, connection, new ShapeDraft("b", "p2", BoardTool.Line, "#000000", 30, [1, 1, 9, 9], null));

        var midStroke = (await Replay("board").SeekAsync("s1", 15_000)).Snapshot.Board;
        var afterAll = (await Replay("board").SeekAsync("s1", 30_000)).Snapshot.Board;

        var growing = midStroke.Pages.Single().Strokes.Single();
        Assert.Equal(("a", false, 2), (growing.StrokeId, growing.Done, growing.Points.Count));
        Assert.Equal(("p2", 2), (afterAll.CurrentPageId, afterAll.Pages.Count));
        Assert.Equal([1, 1, 2, 2], afterAll.Pages[0].Strokes.Single().Points);
        Assert.Equal("b", afterAll.Pages[1].Strokes.Single().StrokeId);
    }

    [Fact]
    public async Task Negative_moments_are_refused_and_moments_past_the_end_show_the_end()
    {
        var classroom = await Lessons.LiveAsync("bounds", "s1");
        await _cluster.AdvanceAsync(TimeSpan.FromMinutes(30));
        await classroom.EndAsync(Lessons.Teacher);

        var error = await Assert.ThrowsAsync<ClassroomValidationException>(() => Replay("bounds").SeekAsync("s1", -1));
        var end = await Replay("bounds").SeekAsync("s1", 99 * 60_000);

        Assert.Contains("0 or more", error.Message);
        Assert.Equal(30 * 60_000, end.OffsetMillis);
        Assert.True(end.AtEnd);
        Assert.Equal(ClassroomStatus.Ended, end.Snapshot.Status);
    }

    [Fact]
    public async Task Unknown_and_unstarted_lessons_have_no_replay()
    {
        await Lessons.ScheduleAsync("not-yet");

        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => Replay("never-scheduled").GetInfoAsync("s1"));
        var error = await Assert.ThrowsAsync<ClassroomStateException>(() => Replay("not-yet").SeekAsync("s1", 0));
        Assert.Contains("not started", error.Message);
    }

    [Fact]
    public async Task A_live_lesson_can_be_replayed_and_its_replay_follows_it()
    {
        var classroom = await Lessons.LiveAsync("still-live", "s1");
        await classroom.PostChatAsync("s1", "first");
        Assert.Equal(["first"], (await Replay("still-live").SeekAsync("s1", long.MaxValue)).Snapshot.Chat.Messages.Select(m => m.Text));

        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(2));
        await classroom.PostChatAsync("s1", "second");
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        var edge = await Replay("still-live").SeekAsync("s1", long.MaxValue);

        Assert.Equal(["first", "second"], edge.Snapshot.Chat.Messages.Select(m => m.Text));
        Assert.Equal(3_000, edge.OffsetMillis);
        Assert.True(edge.AtEnd);
        Assert.Equal(ClassroomStatus.Live, (await Replay("still-live").GetInfoAsync("s1")).Status);
    }

    [Fact]
    public async Task Event_pages_follow_the_audience_rules_of_the_live_lesson()
    {
        var classroom = await Lessons.LiveAsync("pages", "s1", "s2");
        var pollId = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("x = ?", ["3", "4"], Anonymous: true, CorrectOptions: [1]));
        await classroom.VoteAsync("s1", pollId, [1]);

        var all = await Lessons.EventsAsync(classroom);
        var student = await Replay("pages").GetEventsAsync("s1", 0, 1000);
        var teacher = await Replay("pages").GetEventsAsync(Lessons.Teacher, 0, 1000);

        Assert.Equal(all.Select(e => e.Seq), teacher.Events.Select(e => e.Seq));
        Assert.DoesNotContain(student.Events, e => e.Data is VoteCast or QuizAnswerKeySet);
        Assert.DoesNotContain(teacher.Events, e => e.Data is VoteCast);
        Assert.Contains(teacher.Events, e => e.Data is QuizAnswerKeySet);
        Assert.False(student.HasMore);
        var first = await Replay("pages").GetEventsAsync("s1", 0, 2);
        Assert.Equal(2, first.ThroughSeq);
        Assert.True(first.HasMore);
    }

    [Fact]
    public async Task Chat_search_finds_messages_by_text_but_never_deleted_ones()
    {
        var classroom = await Lessons.LiveAsync("search", "s1", "s2");
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(30));
        await classroom.PostChatAsync("s1", "How do I move the 3 across?");
        var deleted = await classroom.PostChatAsync("s2", "MOVE along, nothing to see");
        await _cluster.AdvanceAsync(TimeSpan.FromSeconds(30));
        await classroom.PostChatAsync(Lessons.Teacher, "Subtract 3 from both sides: that is how you move it.");
        await classroom.DeleteChatAsync(Lessons.Teacher, deleted.MessageId);

        var result = await Replay("search").SearchChatAsync("s1", "  move ", 10);
        var limited = await Replay("search").SearchChatAsync("s1", "move", 1);

        Assert.Equal("move", result.Query);
        Assert.Equal([("s1", 30_000L), (Lessons.Teacher, 60_000L)], result.Hits.Select(h => (h.Message.UserId, h.OffsetMillis)));
        Assert.False(result.HasMore);
        Assert.Single(limited.Hits);
        Assert.True(limited.HasMore);
        await Assert.ThrowsAsync<ClassroomValidationException>(() => Replay("search").SearchChatAsync("s1", " ", 10));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => Replay("search").SearchChatAsync("s1", "move", 0));
    }

    [Fact]
    public async Task Chat_search_finds_Chinese_words_and_full_width_digits_as_typed_by_a_Chinese_input_method()
    {
        var classroom = await Lessons.LiveAsync("search-zh", "s1", "s2");
        await classroom.PostChatAsync("s1", "老师，2x+3=11 这一步为什么要移项？");
        await classroom.PostChatAsync("s2", "我也没懂移项");
        await classroom.PostChatAsync(Lessons.Teacher, "移项就是两边同时减去同一个数。");
        await classroom.PostChatAsync("s2", "明白了，谢谢老师");

        var moved = await Replay("search-zh").SearchChatAsync("s1", "移项", 10);
        var fullWidth = await Replay("search-zh").SearchChatAsync("s1", "２ｘ＋３", 10);

        Assert.Equal(["s1", "s2", Lessons.Teacher], moved.Hits.Select(h => h.Message.UserId));
        Assert.Equal("s1", Assert.Single(fullWidth.Hits).Message.UserId);
    }

    [Fact]
    public async Task An_event_type_from_a_newer_build_is_skipped_not_fatal()
    {
        var classroom = await Lessons.LiveAsync("newer-build", "s1");
        await classroom.PostChatAsync("s1", "before");
        var seq = (await classroom.GetSnapshotAsync(Lessons.Teacher)).Seq;
        var at = _cluster.Time.GetUtcNow().ToString("O");
        var unknown = $$"""{"classroomId":"newer-build","seq":{{seq + 1}},"at":"{{at}}","type":"whiteboard.drawn","audience":"everyone","data":{"strokes":3} }""";
        await _cluster.EventLogs.AppendAsync(GrainId.Create("classroom", "newer-build"), "events", seq + 1, [Encoding.UTF8.GetBytes(unknown)], default);

        var frame = await Replay("newer-build").SeekAsync("s1", long.MaxValue);
        var page = await Replay("newer-build").GetEventsAsync("s1", seq, 10);

        Assert.Equal(seq + 1, frame.Snapshot.Seq);
        Assert.Equal(["before"], frame.Snapshot.Chat.Messages.Select(m => m.Text));
        Assert.Equal("whiteboard.drawn", Assert.Single(page.Events).Type);
    }

    [Fact]
    public async Task A_reactivated_replay_starts_from_its_last_checkpoint_and_never_wakes_the_classroom()
    {
        var classroom = await Lessons.LiveAsync("reactivated", "s1", "s2");
        for (var i = 0; i < 23; i++)
        {
            await _cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
            await classroom.PostChatAsync(i % 2 == 0 ? "s1" : "s2", $"message {i}");
        }

        await classroom.EndAsync(Lessons.Teacher);
        var before = await Replay("reactivated").SeekAsync("s2", 12_500);
        await _cluster.RestartAsync();

        var after = await Replay("reactivated").SeekAsync("s2", 12_500);

        Assert.Equal(Json(before.Snapshot), Json(after.Snapshot));
        Assert.Equal(0, await _cluster.ActivationCountAsync("classroom"));
        var events = await _cluster.EventLogs.ReadAsync(GrainId.Create("classroom", "reactivated"), "events", 0, 1000, default);
        var checkpoints = await _cluster.EventLogs.ReadAsync(GrainId.Create("replay", "reactivated"), "checkpoints", 0, 1000, default);
        Assert.Equal(events.Count / 5, checkpoints.Count);
    }
}
