using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

/// <summary>A role belongs to the join of one connection: a student's viewer tab never acts as the student, nor takes their rights away.</summary>
[Collection(ClassroomCollection.Name)]
public sealed class ConnectionRoleTests(ClassroomFixture fixture)
{
    private Lessons Lessons => fixture.Lessons;

    [Fact]
    public async Task A_viewer_tab_cannot_vote_chat_or_raise_a_hand_while_the_student_tab_beside_it_can()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("two-tabs"));
        var poll = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Ready?", ["yes", "no"]));
        Assert.Equal(ParticipantRole.Student, (await Lessons.JoinAsync(classroom, "s1", connection: "student-tab")).Role);
        Assert.Equal(ParticipantRole.Viewer, (await Lessons.JoinAsync(classroom, "s1", connection: "viewer-tab", asViewer: true)).Role);

        await classroom.VoteAsync("s1", "student-tab", poll, [0]);
        var message = await classroom.PostChatAsync("s1", "student-tab", "from the student tab");
        var vote = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.VoteAsync("s1", "viewer-tab", poll, [1]));
        var chat = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.PostChatAsync("s1", "viewer-tab", "from the viewer tab"));
        var hand = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.RaiseHandAsync("s1", "viewer-tab"));

        Assert.Equal(ParticipantRole.Student, message.Role);
        Assert.Equal(
            new[] { Phrase.Vote, Phrase.Chat, Phrase.RaiseHand }.Select(action => (Refusals.LessonViewersCannot, RefusalArgument.From(action))),
            new[] { vote, chat, hand }.Select(e => (e.Code, e.Arguments[0])));
        Assert.Equal([0], (await Lessons.EventsOfAsync<VoteCast>(classroom)).Single().Choices);
    }

    [Fact]
    public async Task The_student_tab_keeps_its_rights_after_the_viewer_tab_leaves()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("viewer-tab-leaves"));
        var poll = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Ready?", ["yes", "no"]));
        await Lessons.JoinAsync(classroom, "s1", connection: "student-tab");
        await Lessons.JoinAsync(classroom, "s1", connection: "viewer-tab", asViewer: true);

        await classroom.LeaveAsync("s1", "viewer-tab");
        await classroom.VoteAsync("s1", "student-tab", poll, [1]);
        await classroom.RaiseHandAsync("s1", "student-tab");

        Assert.Equal([1], (await Lessons.EventsOfAsync<VoteCast>(classroom)).Single().Choices);
        Assert.Equal(["s1"], (await classroom.GetSnapshotAsync(Lessons.Teacher)).Hands);
    }

    [Fact]
    public async Task Calls_without_a_connection_go_by_the_strongest_role_among_the_users_connections()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("strongest-role"));
        await classroom.RegisterAsync("s1");
        var poll = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Ready?", ["yes", "no"]));
        await Lessons.JoinAsync(classroom, "s1", connection: "student-tab");
        await Lessons.JoinAsync(classroom, "s1", connection: "viewer-tab", asViewer: true);

        await classroom.VoteAsync("s1", poll, [0]);
        var roster = (await classroom.GetSnapshotAsync(Lessons.Teacher)).Presence.Participants.Single(p => p.UserId == "s1");
        await classroom.LeaveAsync("s1", "student-tab");
        var refused = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.VoteAsync("s1", poll, [1]));

        Assert.Equal(ParticipantRole.Student, roster.Role);
        Assert.Equal(Refusals.LessonViewersCannot, refused.Code);
    }

    [Fact]
    public async Task A_connection_that_joins_again_as_a_viewer_loses_its_student_rights_and_one_that_never_joined_has_none()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("rejoin-as-viewer"));
        var poll = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Ready?", ["yes", "no"]));
        await Lessons.JoinAsync(classroom, "s1", connection: "tab");
        await Lessons.JoinAsync(classroom, "s1", connection: "tab", asViewer: true);

        var rejoined = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.VoteAsync("s1", "tab", poll, [0]));
        var stranger = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.PostChatAsync("s1", "never-joined", "hello"));

        Assert.Equal(Refusals.LessonViewersCannot, rejoined.Code);
        Assert.Equal(Refusals.LessonPresentOnly, stranger.Code);
        // The teacher and s1, whose one connection is now a viewer's.
        Assert.Equal(2, (await classroom.GetSnapshotAsync(Lessons.Teacher)).Presence.Present);
    }

    [Fact]
    public async Task Connection_roles_are_rebuilt_from_the_snapshot_and_the_log_after_a_restart()
    {
        await using var cluster = await ClassroomCluster.StartAsync(o => o.SnapshotEvery = 2);
        var lessons = new Lessons(cluster);
        var classroom = await lessons.LiveAsync("restarted-tabs");
        var poll = await classroom.CreatePollAsync(Lessons.Teacher, new PollDefinition("Ready?", ["yes", "no"]));
        await Lessons.JoinAsync(classroom, "s1", connection: "student-tab");
        await Lessons.JoinAsync(classroom, "s1", connection: "viewer-tab", asViewer: true);

        await cluster.RestartAsync();
        classroom = lessons.Get("restarted-tabs");
        await classroom.VoteAsync("s1", "student-tab", poll, [0]);
        var refused = await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.VoteAsync("s1", "viewer-tab", poll, [1]));

        Assert.Equal(Refusals.LessonViewersCannot, refused.Code);
        Assert.Equal([0], (await Lessons.EventsOfAsync<VoteCast>(classroom)).Single().Choices);
    }
}
