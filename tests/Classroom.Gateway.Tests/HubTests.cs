using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class HubTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task Joining_returns_a_snapshot_then_events_flow_in_seq_order_from_the_next_seq()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(1));

        var teacherJoin = await JoinAsync(teacher, id);
        var studentJoin = await JoinAsync(student, id);
        await teacher.InvokeAsync("StartLesson", id);
        var message = (await student.InvokeAsync("PostChat", id, "x = 4"))!.AsObject();

        Assert.Equal(("teacher", "snapshot"), (teacherJoin["role"]!.GetValue<string>(), teacherJoin["mode"]!.GetValue<string>()));
        Assert.Equal("student", studentJoin["role"]!.GetValue<string>());
        Assert.Equal(Through(studentJoin), studentJoin["snapshot"]!["seq"]!.GetValue<long>());
        var events = await student.EventsThroughAsync(Seq(message["messageId"]!.GetValue<string>()));
        Assert.Equal(["lesson.started", "chat.posted"], events.Select(Type));
        Assert.Equal(Enumerable.Range((int)Through(studentJoin) + 1, 2).Select(i => (long)i), events.Select(Seq));
        var teacherEvents = await teacher.EventsThroughAsync(events[^1]["seq"]!.GetValue<long>());
        // The student was not registered: the class (teacher included) does not hear of that join individually.
        Assert.Equal(["lesson.started", "chat.posted"], teacherEvents.Select(Type));
    }

    [Fact]
    public async Task Every_classroom_action_works_through_the_hub()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(2));
        await JoinAsync(teacher, id);
        await JoinAsync(student, id);
        await teacher.InvokeAsync("AppointAssistant", id, "student3");
        await teacher.InvokeAsync("DismissAssistant", id, "student3");
        await teacher.InvokeAsync("StartLesson", id);

        var message = (await student.InvokeAsync("PostChat", id, "hello"))!["messageId"]!.GetValue<string>();
        await teacher.InvokeAsync("DeleteChat", id, message);
        await teacher.InvokeAsync("Mute", id, "student2");
        await teacher.InvokeAsync("Unmute", id, "student2");
        await teacher.InvokeAsync("SetSlowMode", id, 3);
        await teacher.InvokeAsync("SetChatEnabled", id, false);
        await teacher.InvokeAsync("SetChatEnabled", id, true);
        var poll = (await teacher.InvokeAsync("CreatePoll", id, new { question = "2x = 8?", options = new[] { "2", "4" }, correctOptions = new[] { 1 } }))!.GetValue<string>();
        await student.InvokeAsync("Vote", id, poll, new[] { 1 });
        await teacher.InvokeAsync("ClosePoll", id, poll);
        await teacher.InvokeAsync("PublishPollResults", id, poll);
        var export = (await teacher.InvokeAsync("ExportPoll", id, poll))!.AsObject();
        await student.InvokeAsync("RaiseHand", id);
        await student.InvokeAsync("LowerHand", id, "student2");
        await teacher.InvokeAsync("InviteToStage", id, "student2");
        await student.InvokeAsync("RemoveFromStage", id, "student2");
        await teacher.InvokeAsync("AddMarker", id, "Example 1");
        await teacher.InvokeAsync("EndLesson", id);
        await student.InvokeAsync("LeaveClassroom", id);

        Assert.Equal("yes", export["rows"]![1]![3]!.GetValue<string>());
        // Frames come only with events the viewer may see: collect until the last visible one, the end of the lesson.
        var events = new List<JsonNode>();
        while (!events.Any(e => Type(e) == "lesson.ended"))
        {
            events.AddRange(await teacher.EventsThroughAsync(0));
        }

        string[] expected =
        [
            "staff.assistant-appointed", "staff.assistant-dismissed", "lesson.started", "chat.posted", "chat.deleted", "chat.muted",
            "chat.unmuted", "chat.slow-mode", "chat.enabled", "chat.enabled", "poll.opened", "poll.answer-key", "poll.vote", "poll.closed",
            "poll.results-published", "stage.hand-raised", "stage.hand-lowered", "stage.invited", "stage.left", "marker.added", "lesson.ended",
        ];
        // Presence counts and poll tallies go out on the classroom's cadence (real time here): whether one falls between
        // two of these actions depends on the machine's speed.
        Assert.Equal(expected, events.Select(Type).Where(t => !t.StartsWith("presence.", StringComparison.Ordinal) && t != "poll.tally"));
    }

    [Fact]
    public async Task Refusals_come_back_as_hub_errors_a_person_can_read()
    {
        var id = await ScheduleAsync(Host);
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await JoinAsync(student, id);

        Assert.EndsWith("HubException: [lesson.staff-only] Only the teacher or an assistant may start the lesson.", (await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("StartLesson", id))).Message, StringComparison.Ordinal);
        Assert.Contains("not started", (await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("PostChat", id, "hi"))).Message);
        Assert.Contains("No lesson", (await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("JoinClassroom", "no-such-lesson", null, false))).Message);
        Assert.Contains("classroom id", (await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("JoinClassroom", "", null, false))).Message);
        var closeError = await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("ClosePoll", id, "p1"));
        Assert.True(closeError.Message.Contains("teacher or an assistant", StringComparison.Ordinal), closeError.Message);
        await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("NoSuchMethod", id));
        await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("SetSlowMode", id, "not a number"));
        Assert.Equal("snapshot", (await JoinAsync(student, id))["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Students_see_tallies_and_never_individual_votes()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var voter = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await using var watcher = await Host.ConnectAsync(await Host.StudentTokenAsync(2));
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await JoinAsync(voter, id);
        var join = await JoinAsync(watcher, id);
        var poll = (await teacher.InvokeAsync("CreatePoll", id, new { question = "Ready?", options = new[] { "yes", "no" } }))!.GetValue<string>();

        await voter.InvokeAsync("Vote", id, poll, new[] { 0 });
        await teacher.InvokeAsync("ClosePoll", id, poll);

        var events = await watcher.EventsThroughAsync(Through(join) + 1);
        while (events[^1]["type"]!.GetValue<string>() != "poll.closed")
        {
            events.AddRange(await watcher.EventsThroughAsync(Seq(events[^1]) + 1));
        }

        Assert.DoesNotContain("poll.vote", events.Select(Type));
        Assert.Equal([1, 0], events.Last()["data"]!["counts"]!.AsArray().Select(c => c!.GetValue<int>()));
    }

    [Fact]
    public async Task A_gateway_subscribes_once_per_classroom_and_lets_go_when_the_last_viewer_leaves()
    {
        var id = await ScheduleAsync(Host);
        var fanout = Host.Services.GetService(typeof(Fanout.ClassroomFanout)) as Fanout.ClassroomFanout;
        var before = fanout!.ClassroomCount;
        await using var a = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await using var b = await Host.ConnectAsync(await Host.StudentTokenAsync(2));
        await JoinAsync(a, id);
        await JoinAsync(b, id);
        await JoinAsync(b, id);

        Assert.Equal(before + 1, fanout.ClassroomCount);
        await a.InvokeAsync("LeaveClassroom", id);
        Assert.Equal(before + 1, fanout.ClassroomCount);
        await b.InvokeAsync("LeaveClassroom", id);
        Assert.Equal(before, fanout.ClassroomCount);
    }

    [Fact]
    public async Task Viewers_who_leave_hear_nothing_more_and_those_who_stay_miss_nothing()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await JoinAsync(teacher, id);
        var viewers = new List<HubTestClient>();
        foreach (var number in new[] { 1, 2, 3, 1, 2, 3 })
        {
            var viewer = await Host.ConnectAsync(await Host.StudentTokenAsync(number));
            viewers.Add(viewer);
            await JoinAsync(viewer, id);
        }

        try
        {
            // Leaving moves the last member into the leaver's place: the second leaver is that moved one, then the first.
            var leavers = new[] { viewers[1], viewers[5], viewers[0] };
            foreach (var leaver in leavers)
            {
                await leaver.InvokeAsync("LeaveClassroom", id);
            }

            await teacher.InvokeAsync("StartLesson", id);
            var chat = Seq((await teacher.InvokeAsync("PostChat", id, "still here?"))!["messageId"]!.GetValue<string>());

            foreach (var stayer in viewers.Except(leavers))
            {
                Assert.Equal(["lesson.started", "chat.posted"], (await stayer.EventsThroughAsync(chat)).Select(Type));
            }

            // The stayers' frames went out in the same flush the leavers would have had theirs in.
            await teacher.EventsThroughAsync(chat);
            Assert.All(leavers, leaver => Assert.True(leaver.HasNoCallWaiting));
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Chat_beyond_the_connections_rate_limit_is_refused()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);

        var results = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            try
            {
                await teacher.InvokeAsync("PostChat", id, $"line {i}");
                results.Add("ok");
            }
            catch (HubError e)
            {
                results.Add(e.Message);
            }
        }

        Assert.True(results.Count(r => r == "ok") is >= 5 and < 8, string.Join(" | ", results));
        Assert.Contains(results, r => r.Contains("HubException: [hub.rate-limit.chat] Too many chat calls", StringComparison.Ordinal));
    }
}
