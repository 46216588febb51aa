using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Teachers;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

[Collection(ClassroomCollection.Name)]
public sealed class LifecycleTests(ClassroomFixture fixture)
{
    private Lessons Lessons => fixture.Lessons;

    [Fact]
    public async Task A_scheduled_lesson_shows_its_preview_and_reaches_the_teachers_lessons()
    {
        var id = Lessons.NewId("schedule");
        var snapshot = await Lessons.Get(id).ScheduleAsync(Lessons.Teacher, Lessons.Preview());

        Assert.Equal(ClassroomStatus.Scheduled, snapshot.Status);
        Assert.Equal(1, snapshot.Seq);
        Assert.Equal("Word problems with linear equations", snapshot.Preview!.Title);
        var teacher = await Lessons.Client.GetGrain<ITeacherGrain>(Lessons.Teacher).GetSummaryAsync();
        Assert.Contains(teacher.Lessons, l => l.ClassroomId == id && l.Status == ClassroomStatus.Scheduled);
    }

    [Fact]
    public async Task A_teacher_cannot_schedule_a_lesson_for_another_teacher()
    {
        var error = await Assert.ThrowsAsync<ClassroomPermissionException>(() =>
            Lessons.Get(Lessons.NewId("other")).ScheduleAsync("teacher-li", Lessons.Preview()));

        Assert.Equal(Refusals.LessonScheduleOwnOnly, error.Code);
    }

    [Fact]
    public async Task A_lesson_cannot_be_scheduled_twice()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("twice"));

        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.ScheduleAsync(Lessons.Teacher, Lessons.Preview()));
    }

    public static TheoryData<string, CoursePreview> BadPreviews => new()
    {
        { "title", Lessons.Preview() with { Title = "  " } },
        { "grade", Lessons.Preview() with { Grade = 13 } },
        { "lesson lasts", Lessons.Preview() with { Duration = TimeSpan.FromMinutes(1) } },
        { "media URL", Lessons.Preview() with { MediaUrl = "javascript:alert(1)" } },
        { "capacity", Lessons.Preview() with { Capacity = 0 } },
        { "course type", Lessons.Preview() with { CourseType = (CourseType)42 } },
    };

    [Theory]
    [MemberData(nameof(BadPreviews))]
    public async Task A_bad_preview_is_refused_naming_what_is_wrong_and_nothing_is_scheduled(string expected, CoursePreview preview)
    {
        var classroom = Lessons.Get(Lessons.NewId("bad-preview"));

        var error = await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.ScheduleAsync(Lessons.Teacher, preview));

        Assert.Contains(expected, error.Message);
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => classroom.GetSnapshotAsync(Lessons.Teacher));
    }

    [Fact]
    public async Task The_preview_can_be_edited_until_the_lesson_starts_and_never_changes_teacher()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("edit"));

        var edited = await classroom.EditPreviewAsync(Lessons.Teacher, Lessons.Preview() with { Title = "Linear equations, part 2" });
        Assert.Equal("Linear equations, part 2", edited.Preview!.Title);
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.EditPreviewAsync(Lessons.Teacher, Lessons.Preview("teacher-li")));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.EditPreviewAsync("student-1", Lessons.Preview()));

        await classroom.StartAsync(Lessons.Teacher);
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.EditPreviewAsync(Lessons.Teacher, Lessons.Preview()));
    }

    [Fact]
    public async Task Only_staff_start_and_end_and_ending_is_final()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("start-end"));

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.StartAsync("student-1"));
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.EndAsync(Lessons.Teacher));
        await classroom.StartAsync(Lessons.Teacher);
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.StartAsync(Lessons.Teacher));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.EndAsync("student-1"));
        await classroom.EndAsync(Lessons.Teacher);

        var snapshot = await classroom.GetSnapshotAsync("anyone");
        Assert.Equal(ClassroomStatus.Ended, snapshot.Status);
        Assert.NotNull(snapshot.StartedAt);
        Assert.NotNull(snapshot.EndedAt);
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.StartAsync(Lessons.Teacher));
        await Assert.ThrowsAsync<ClassroomStateException>(() => Lessons.JoinAsync(classroom, "late-student"));
        Assert.Equal([MarkerKind.LessonStart, MarkerKind.LessonEnd], snapshot.Markers.Select(m => m.Kind));
    }

    [Fact]
    public async Task An_appointed_assistant_may_run_the_lesson_until_dismissed()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("assistant"));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.AppointAssistantAsync("assistant-zhao", "assistant-zhao"));

        await classroom.AppointAssistantAsync(Lessons.Teacher, "assistant-zhao");
        await classroom.StartAsync("assistant-zhao");
        var join = await Lessons.JoinAsync(classroom, "assistant-zhao", Contracts.Classrooms.AccountKind.Student);
        Assert.Equal(ParticipantRole.Assistant, join.Role);
        await classroom.AddMarkerAsync("assistant-zhao", "Example 1");

        await classroom.DismissAssistantAsync(Lessons.Teacher, "assistant-zhao");
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.AddMarkerAsync("assistant-zhao", "Example 2"));
    }

    [Fact]
    public async Task Actions_on_a_lesson_nobody_scheduled_are_refused_as_not_found()
    {
        var classroom = Lessons.Get(Lessons.NewId("nothing"));

        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => classroom.GetSnapshotAsync("anyone"));
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => Lessons.JoinAsync(classroom, "student-1"));
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => classroom.RegisterAsync("student-1"));
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => classroom.StartAsync(Lessons.Teacher));
    }

    [Fact]
    public async Task Every_event_is_numbered_without_gaps_and_stamped_by_the_classroom_clock()
    {
        var classroom = await Lessons.LiveAsync(Lessons.NewId("numbered"), "s1", "s2");
        await classroom.PostChatAsync("s1", "hello");

        var events = await Lessons.EventsAsync(classroom);

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Equal(fixture.Cluster.Time.GetUtcNow(), e.At));
        Assert.Equal(
            ["lesson.scheduled", "registration.added", "registration.added", "lesson.started", "presence.joined", "presence.joined", "presence.joined", "chat.posted"],
            events.Select(e => e.Type));
    }
}
