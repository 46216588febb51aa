using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

[Collection(ClassroomCollection.Name)]
public sealed class StageAndMarkerTests(ClassroomFixture fixture)
{
    private Lessons Lessons => fixture.Lessons;

    [Fact]
    public async Task Hands_queue_in_the_order_they_were_raised()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("hands"), "s1", "s2", "s3");

        await classroom.RaiseHandAsync("s2");
        await classroom.RaiseHandAsync("s1");
        await classroom.RaiseHandAsync("s3");
        await classroom.RaiseHandAsync("s2");

        Assert.Equal(["s2", "s1", "s3"], (await classroom.GetSnapshotAsync("s1")).Hands);
    }

    [Fact]
    public async Task A_hand_is_lowered_by_its_student_or_by_staff_only()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("lower"), "s1", "s2");
        await classroom.RaiseHandAsync("s1");
        await classroom.RaiseHandAsync("s2");

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.LowerHandAsync("s2", "s1"));
        await classroom.LowerHandAsync("s1", "s1");
        await classroom.LowerHandAsync(Lessons.Teacher, "s2");

        Assert.Empty((await classroom.GetSnapshotAsync("s1")).Hands);
    }

    [Fact]
    public async Task Viewers_cannot_raise_hands_and_nobody_can_before_the_start()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("hand-rights"));
        await Lessons.JoinAsync(classroom, "s1");
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.RaiseHandAsync("s1"));
        await classroom.StartAsync(Lessons.Teacher);
        await Lessons.JoinAsync(classroom, "watcher", asViewer: true);

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.RaiseHandAsync("watcher"));
    }

    [Fact]
    public async Task Inviting_a_student_on_stage_takes_their_hand_out_of_the_queue_up_to_the_stage_size()
    {
        var students = Enumerable.Range(1, 7).Select(i => $"s{i}").ToArray();
        var classroom = await Lessons.LiveAsync(Lessons.NewId("stage"), students);
        await classroom.RaiseHandAsync("s1");
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.InviteToStageAsync("s2", "s1"));

        foreach (var student in students.Take(6))
        {
            await classroom.InviteToStageAsync(Lessons.Teacher, student);
        }

        var error = await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.InviteToStageAsync(Lessons.Teacher, "s7"));
        Assert.Contains("6", error.Message);
        var snapshot = await classroom.GetSnapshotAsync("s1");
        Assert.Equal(students.Take(6), snapshot.Stage);
        Assert.Empty(snapshot.Hands);
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.RaiseHandAsync("s1"));
    }

    [Fact]
    public async Task A_student_leaves_the_stage_by_themselves_or_is_removed_by_staff()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("off-stage"), "s1", "s2");
        await classroom.InviteToStageAsync(Lessons.Teacher, "s1");
        await classroom.InviteToStageAsync(Lessons.Teacher, "s2");

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.RemoveFromStageAsync("s2", "s1"));
        await classroom.RemoveFromStageAsync("s1", "s1");
        await classroom.RemoveFromStageAsync(Lessons.Teacher, "s2");

        Assert.Empty((await classroom.GetSnapshotAsync("s1")).Stage);
    }

    [Fact]
    public async Task Staff_add_markers_with_a_label_at_the_current_moment()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("markers"), "s1");

        await classroom.AddMarkerAsync(Lessons.Teacher, "  Example 2: \u0007 mixtures ");

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.AddMarkerAsync("s1", "mine"));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.AddMarkerAsync(Lessons.Teacher, " "));
        var marker = (await classroom.GetSnapshotAsync("s1")).Markers[^1];
        Assert.Equal(("Example 2:  mixtures", MarkerKind.Teacher), (marker.Label, marker.Kind));
        Assert.Equal(fixture.Cluster.Time.GetUtcNow(), marker.At);
    }
}

public sealed class ClockedMarkerTests
{
    [Fact]
    public async Task A_markers_offset_is_the_time_since_the_lesson_started()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var classroom = await new Lessons(cluster).LiveAsync("offsets");

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(12));
        await classroom.AddMarkerAsync(Lessons.Teacher, "Example 1");

        Assert.Equal(TimeSpan.FromMinutes(12), (await classroom.GetSnapshotAsync(Lessons.Teacher)).Markers[^1].Offset);
    }
}
