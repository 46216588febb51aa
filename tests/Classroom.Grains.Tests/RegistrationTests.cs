using Classroom.Contracts.Errors;
using Classroom.Contracts.Events;
using Classroom.Contracts.Students;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

[Collection(ClassroomCollection.Name)]
public sealed class RegistrationTests(ClassroomFixture fixture)
{
    private Lessons Lessons => fixture.Lessons;

    [Fact]
    public async Task Registering_and_cancelling_are_idempotent_and_reach_the_student()
    {
        var id = Lessons.NewId("register");
        var classroom = await Lessons.ScheduleAsync(id);

        await classroom.RegisterAsync("student-reg");
        await classroom.RegisterAsync("student-reg");
        Assert.Equal(1, (await classroom.GetSnapshotAsync("student-reg")).RegisteredCount);
        Assert.Contains((await Lessons.Client.GetGrain<IStudentGrain>("student-reg").GetSummaryAsync()).Registrations, r => r.ClassroomId == id);

        await classroom.CancelRegistrationAsync("student-reg");
        await classroom.CancelRegistrationAsync("student-reg");
        Assert.Equal(0, (await classroom.GetSnapshotAsync("student-reg")).RegisteredCount);
        Assert.DoesNotContain((await Lessons.Client.GetGrain<IStudentGrain>("student-reg").GetSummaryAsync()).Registrations, r => r.ClassroomId == id);
        Assert.Equal(2, (await Lessons.EventsOfAsync<StudentRegistered>(classroom)).Count + (await Lessons.EventsOfAsync<RegistrationCancelled>(classroom)).Count);
    }

    [Fact]
    public async Task A_full_lesson_refuses_more_registrations()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("full"), capacity: 2);
        await classroom.RegisterAsync("s1");
        await classroom.RegisterAsync("s2");

        var error = await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.RegisterAsync("s3"));

        Assert.Contains("full", error.Message);
        Assert.Equal(2, (await classroom.GetSnapshotAsync("s1")).RegisteredCount);
    }

    [Fact]
    public async Task A_registration_cannot_be_cancelled_once_the_lesson_started()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("late-cancel"));
        await classroom.RegisterAsync("s1");
        await classroom.StartAsync(Lessons.Teacher);

        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.CancelRegistrationAsync("s1"));
    }

    [Fact]
    public async Task Registrations_are_for_staff_eyes_only()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("private-registration"));
        await classroom.RegisterAsync("s1");

        Assert.Empty(await Lessons.EventsOfAsync<StudentRegistered>(classroom, viewer: "s2"));
        Assert.Single(await Lessons.EventsOfAsync<StudentRegistered>(classroom));
    }

    [Fact]
    public async Task A_bad_student_id_is_refused()
    {
        var classroom = await Lessons.ScheduleAsync(Lessons.NewId("bad-id"));

        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.RegisterAsync(" "));
    }
}
