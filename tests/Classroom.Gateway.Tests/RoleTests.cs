using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

/// <summary>Roles through the hub: each connection keeps the role of its own join, and staff events follow appointments at once.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RoleTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_students_viewer_tab_cannot_act_as_a_student_and_the_student_tab_keeps_its_rights_before_and_after_it_leaves()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var studentTab = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await using var viewerTab = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        var poll = (await teacher.InvokeAsync("CreatePoll", id, new { question = "Ready?", options = new[] { "yes", "no" } }))!.GetValue<string>();

        Assert.Equal("student", (await JoinAsync(studentTab, id))["role"]!.GetValue<string>());
        Assert.Equal("viewer", (await JoinAsync(viewerTab, id, asViewer: true))["role"]!.GetValue<string>());

        await studentTab.InvokeAsync("Vote", id, poll, new[] { 0 });
        var chat = (await studentTab.InvokeAsync("PostChat", id, "from my student tab"))!.AsObject();
        Assert.Equal("student", chat["role"]!.GetValue<string>());
        Assert.EndsWith("[lesson.viewers-cannot] Viewers cannot vote.", (await Assert.ThrowsAsync<HubError>(() => viewerTab.InvokeAsync("Vote", id, poll, new[] { 1 }))).Message, StringComparison.Ordinal);
        Assert.Contains("[lesson.viewers-cannot]", (await Assert.ThrowsAsync<HubError>(() => viewerTab.InvokeAsync("PostChat", id, "from my viewer tab"))).Message, StringComparison.Ordinal);
        Assert.Contains("[lesson.viewers-cannot]", (await Assert.ThrowsAsync<HubError>(() => viewerTab.InvokeAsync("RaiseHand", id))).Message, StringComparison.Ordinal);

        await viewerTab.InvokeAsync("LeaveClassroom", id);
        await studentTab.InvokeAsync("Vote", id, poll, new[] { 1 });
        await studentTab.InvokeAsync("RaiseHand", id);
        await teacher.InvokeAsync("ClosePoll", id, poll);

        var export = (await teacher.InvokeAsync("ExportPoll", id, poll))!["rows"]!.AsArray();
        Assert.Equal(["student1", "no"], new[] { export[1]![0]!.GetValue<string>(), export[1]![2]!.GetValue<string>() });
    }

    [Fact]
    public async Task A_dismissed_assistant_stops_getting_staff_events_at_once_and_still_gets_public_ones()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var assistant = await Host.ConnectAsync(await Host.StudentTokenAsync(2));
        await using var voter = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("AppointAssistant", id, "student2");
        await teacher.InvokeAsync("StartLesson", id);
        var join = await JoinAsync(assistant, id);
        await JoinAsync(voter, id);
        Assert.Equal("assistant", join["role"]!.GetValue<string>());
        var poll = (await teacher.InvokeAsync("CreatePoll", id, new { question = "2x = 8?", options = new[] { "2", "4" } }))!.GetValue<string>();
        await voter.InvokeAsync("Vote", id, poll, new[] { 0 });
        var beforeDismissal = (await teacher.InvokeAsync("PostChat", id, "before"))!["messageId"]!.GetValue<string>();
        var asStaff = await assistant.EventsThroughAsync(Seq(beforeDismissal));

        await teacher.InvokeAsync("DismissAssistant", id, "student2");
        await voter.InvokeAsync("Vote", id, poll, new[] { 1 });
        var quiz = (await teacher.InvokeAsync("CreatePoll", id, new { question = "x + 1 = 2?", options = new[] { "1", "2" }, correctOptions = new[] { 0 } }))!.GetValue<string>();
        var afterDismissal = (await teacher.InvokeAsync("PostChat", id, "after"))!["messageId"]!.GetValue<string>();
        var asStudent = await assistant.EventsThroughAsync(Seq(afterDismissal));

        Assert.Contains("poll.vote", asStaff.Select(Type));
        Assert.Equal(
            ["staff.assistant-dismissed", "poll.opened", "chat.posted"],
            asStudent.Select(Type).Where(t => !t.StartsWith("presence.", StringComparison.Ordinal) && t != "poll.tally"));
        Assert.Equal(quiz, asStudent.Single(e => Type(e) == "poll.opened")["data"]!["pollId"]!.GetValue<string>());
        Assert.Equal("after", asStudent[^1]["data"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_student_appointed_assistant_gets_staff_events_at_once_without_rejoining()
    {
        var id = await ScheduleAsync(Host);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var appointee = await Host.ConnectAsync(await Host.StudentTokenAsync(3));
        await using var voter = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        Assert.Equal("student", (await JoinAsync(appointee, id))["role"]!.GetValue<string>());
        await JoinAsync(voter, id);
        var poll = (await teacher.InvokeAsync("CreatePoll", id, new { question = "Ready?", options = new[] { "yes", "no" } }))!.GetValue<string>();
        await voter.InvokeAsync("Vote", id, poll, new[] { 0 });

        await teacher.InvokeAsync("AppointAssistant", id, "student3");
        await voter.InvokeAsync("Vote", id, poll, new[] { 1 });
        var quiz = (await teacher.InvokeAsync("CreatePoll", id, new { question = "x + 1 = 2?", options = new[] { "1", "2" }, correctOptions = new[] { 0 } }))!.GetValue<string>();
        var last = (await teacher.InvokeAsync("PostChat", id, "welcome"))!["messageId"]!.GetValue<string>();
        var events = await appointee.EventsThroughAsync(Seq(last));

        var appointed = Seq(events.Single(e => Type(e) == "staff.assistant-appointed"));
        var votes = events.Where(e => Type(e) == "poll.vote").ToList();
        var vote = Assert.Single(votes);
        Assert.True(Seq(vote) > appointed, "the vote cast before the appointment is not the new assistant's to see");
        Assert.Equal([1], vote["data"]!["choices"]!.AsArray().Select(c => c!.GetValue<int>()));
        var key = Assert.Single(events, e => Type(e) == "poll.answer-key");
        Assert.Equal(quiz, key["data"]!["pollId"]!.GetValue<string>());
    }
}
