using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

[Collection(ClassroomCollection.Name)]
public sealed class PresenceTests(ClassroomFixture fixture)
{
    private Lessons Lessons => fixture.Lessons;

    [Fact]
    public async Task Roles_come_from_the_classroom_and_the_account_never_from_the_client()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("roles"));
        await classroom.AppointAssistantAsync(Lessons.Teacher, "assistant-1");

        Assert.Equal(ParticipantRole.Teacher, (await Lessons.JoinAsync(classroom, Lessons.Teacher, AccountKind.Teacher)).Role);
        Assert.Equal(ParticipantRole.Assistant, (await Lessons.JoinAsync(classroom, "assistant-1", AccountKind.Teacher)).Role);
        Assert.Equal(ParticipantRole.Student, (await Lessons.JoinAsync(classroom, "student-1")).Role);
        Assert.Equal(ParticipantRole.Viewer, (await Lessons.JoinAsync(classroom, "student-2", asViewer: true)).Role);
        Assert.Equal(ParticipantRole.Viewer, (await Lessons.JoinAsync(classroom, "guest-1", AccountKind.Guest)).Role);
        Assert.Equal(ParticipantRole.Viewer, (await Lessons.JoinAsync(classroom, "teacher-li", AccountKind.Teacher)).Role);
    }

    [Fact]
    public async Task Presence_survives_one_of_several_connections_leaving()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("connections"));
        await classroom.RegisterAsync("s1");
        await Lessons.JoinAsync(classroom, "s1", connection: "phone");
        await Lessons.JoinAsync(classroom, "s1", connection: "laptop");
        await Lessons.JoinAsync(classroom, "s1", connection: "laptop");

        await classroom.LeaveAsync("s1", "phone");
        Assert.Equal(2, (await classroom.GetSnapshotAsync("s1")).Presence.Present);

        await classroom.LeaveAsync("s1", "laptop");
        await classroom.LeaveAsync("s1", "laptop");
        Assert.Equal(1, (await classroom.GetSnapshotAsync("s1")).Presence.Present);
        // The class hears once that s1 came and once that s1 went; the extra connections are the classroom's business.
        Assert.Single(await Lessons.EventsOfAsync<ParticipantJoined>(classroom, "s2"), j => j.UserId == "s1");
        Assert.Single(await Lessons.EventsOfAsync<ParticipantLeft>(classroom, "s2"), l => l.UserId == "s1");
    }

    [Fact]
    public async Task A_late_joiner_gets_the_roster_and_a_snapshot_to_continue_from()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("late-joiner"), "s1", "s2");
        await classroom.PostChatAsync("s1", "first!");

        var join = await Lessons.JoinAsync(classroom, "s3");

        Assert.Equal(4, join.Snapshot.Presence.Present);
        Assert.Equal(["s1", "s2", Lessons.Teacher], join.Snapshot.Presence.Participants.Select(p => p.UserId).Order());
        Assert.Equal("first!", Assert.Single(join.Snapshot.Chat.Messages).Text);
        var after = await classroom.GetEventsAsync("s3", join.Snapshot.Seq, 100);
        Assert.Empty(after.Events);
    }

    [Fact]
    public async Task Leaving_lowers_the_hand_and_frees_the_stage_place()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("leave-stage"), "s1", "s2");
        await classroom.RaiseHandAsync("s1");
        await classroom.InviteToStageAsync(Lessons.Teacher, "s2");

        await classroom.LeaveAsync("s1", "s1-c1");
        await classroom.LeaveAsync("s2", "s2-c1");

        var snapshot = await classroom.GetSnapshotAsync(Lessons.Teacher);
        Assert.Empty(snapshot.Hands);
        Assert.Empty(snapshot.Stage);
    }

    [Fact]
    public async Task A_bad_join_request_is_refused()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("bad-join"));

        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.JoinAsync(new JoinRequest("s1", "", AccountKind.Student, "c1")));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.JoinAsync(new JoinRequest("s1", "Li", AccountKind.Student, "")));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.JoinAsync(null!));
    }
}

/// <summary>Large-class behaviour: a small threshold and a clock the test moves.</summary>
public sealed class LargeClassPresenceTests
{
    [Fact]
    public async Task Above_the_threshold_the_class_sees_counts_at_most_once_a_second_instead_of_joins()
    {
        await using var cluster = await ClassroomCluster.StartAsync(o => o.PresenceThreshold = 3);
        var lessons = new Lessons(cluster);
        var classroom = await lessons.LiveAsync("large", "s1", "s2");
        await classroom.RegisterAsync("s3");
        await Lessons.JoinAsync(classroom, "s3");
        await Lessons.JoinAsync(classroom, "viewer-1", AccountKind.Guest);

        await cluster.AdvanceAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal([5], (await Lessons.EventsOfAsync<PresenceCounted>(classroom, "s1")).Select(c => c.Present));

        await Lessons.JoinAsync(classroom, "viewer-2", AccountKind.Guest);
        await cluster.AdvanceAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal([5], (await Lessons.EventsOfAsync<PresenceCounted>(classroom, "s1")).Select(c => c.Present));

        await cluster.AdvanceAsync(TimeSpan.FromMilliseconds(500));
        var counts = await Lessons.EventsOfAsync<PresenceCounted>(classroom, "s1");
        Assert.Equal([5, 6], counts.Select(c => c.Present));
        Assert.Equal((6, 3, 2), (counts[^1].Present, counts[^1].Students, counts[^1].Viewers));

        var joins = await Lessons.EventsOfAsync<ParticipantJoined>(classroom, "s1");
        Assert.Equal([Lessons.Teacher, "s1", "s2"], joins.Select(j => j.UserId));
        var snapshot = await classroom.GetSnapshotAsync("s1");
        Assert.Equal(6, snapshot.Presence.Present);
        Assert.Equal([Lessons.Teacher], snapshot.Presence.Participants.Select(p => p.UserId));
    }
}
