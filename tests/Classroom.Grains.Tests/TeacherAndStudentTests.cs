using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Students;
using Classroom.Contracts.Teachers;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

public sealed class RatingTests
{
    [Fact]
    public async Task Attendance_is_the_time_present_while_live_and_reaches_the_student_when_the_lesson_ends()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var lessons = new Lessons(cluster);
        var classroom = await lessons.ScheduleAsync("attended");
        await Lessons.JoinAsync(classroom, "early");
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(5));
        await classroom.StartAsync(Lessons.Teacher);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(10));
        await Lessons.JoinAsync(classroom, "late");
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(20));
        await classroom.LeaveAsync("early", "early-c1");
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(15));

        await classroom.EndAsync(Lessons.Teacher);

        var early = (await cluster.Client.GetGrain<IStudentGrain>("early").GetSummaryAsync()).Attendance.Single();
        var late = (await cluster.Client.GetGrain<IStudentGrain>("late").GetSummaryAsync()).Attendance.Single();
        Assert.Equal(TimeSpan.FromMinutes(30), early.Duration);
        Assert.Equal(TimeSpan.FromMinutes(35), late.Duration);
        Assert.Equal("attended", late.ClassroomId);
        var teacher = await cluster.Client.GetGrain<ITeacherGrain>(Lessons.Teacher).GetSummaryAsync();
        Assert.Equal((1, 2), (teacher.LessonsTaught, teacher.StudentsTaught));
    }

    [Fact]
    public async Task A_student_who_attended_rates_once_and_the_teacher_aggregates_stars_and_style_tags()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var classroom = await new Lessons(cluster).LiveAsync("rated", "s1", "s2", "s3");
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.RateAsync("s1", 5, ["patient"]));
        await classroom.EndAsync(Lessons.Teacher);

        await classroom.RateAsync("s1", 5, ["Patient", "clear reasoning"]);
        await classroom.RateAsync("s2", 4, ["patient"]);
        await classroom.RateAsync("s1", 5, ["patient", "clear reasoning"]);

        await Assert.ThrowsAsync<ClassroomStateException>(() => classroom.RateAsync("s1", 3, []));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.RateAsync("s3", 6, []));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => classroom.RateAsync("s3", 5, ["a", "b", "c", "d", "e", "f"]));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.RateAsync("never-came", 5, []));
        var teacher = await cluster.Client.GetGrain<ITeacherGrain>(Lessons.Teacher).GetSummaryAsync();
        Assert.Equal((2, 4.5), (teacher.RatingCount, teacher.RatingAverage));
        Assert.Equal(new Dictionary<string, int> { ["patient"] = 2, ["clear reasoning"] = 1 }, teacher.StyleTags);
        var student = await cluster.Client.GetGrain<IStudentGrain>("s1").GetSummaryAsync();
        Assert.Equal(5, Assert.Single(student.Ratings).Stars);
    }

    [Fact]
    public async Task A_student_who_joined_only_before_the_start_did_not_attend()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var lessons = new Lessons(cluster);
        var classroom = await lessons.ScheduleAsync("left-early");
        await Lessons.JoinAsync(classroom, "s1");
        await classroom.LeaveAsync("s1", "s1-c1");
        await classroom.StartAsync(Lessons.Teacher);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        await classroom.EndAsync(Lessons.Teacher);

        await Assert.ThrowsAsync<ClassroomPermissionException>(() => classroom.RateAsync("s1", 5, []));
        Assert.Empty((await cluster.Client.GetGrain<IStudentGrain>("s1").GetSummaryAsync()).Attendance);
    }
}

[Collection(ClassroomCollection.Name)]
public sealed class ProfileTests(ClassroomFixture fixture)
{
    private static readonly TeacherProfile Profile = new(
        "Wang Fang", ["math", "physics"], "Beijing special-grade teacher", "Beijing No. 4 High School", "Xicheng",
        "Thirty-five years of teaching algebra.", 35);

    [Fact]
    public async Task A_teacher_profile_is_stored_and_bad_profiles_are_refused()
    {
        var teacher = fixture.Cluster.Client.GetGrain<ITeacherGrain>("profile-teacher");

        var summary = await teacher.SetProfileAsync(Profile);

        Assert.Equal(Profile.Title, summary.Profile!.Title);
        await Assert.ThrowsAsync<ClassroomValidationException>(() => teacher.SetProfileAsync(Profile with { Name = "" }));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => teacher.SetProfileAsync(Profile with { YearsOfTeaching = -1 }));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => teacher.SetProfileAsync(Profile with { Subjects = Enumerable.Repeat("x", 11).ToList() }));
        Assert.Equal("Wang Fang", (await teacher.GetSummaryAsync()).Profile!.Name);
    }

    [Fact]
    public async Task A_student_profile_is_stored_and_bad_profiles_are_refused()
    {
        var student = fixture.Cluster.Client.GetGrain<IStudentGrain>("profile-student");

        await student.SetProfileAsync(new StudentProfile("Li Ming", 8, "Haidian Middle School", "Haidian"));

        await Assert.ThrowsAsync<ClassroomValidationException>(() => student.SetProfileAsync(new StudentProfile("Li Ming", 0, "", "")));
        Assert.Equal(8, (await student.GetSummaryAsync()).Profile!.Grade);
    }

    [Fact]
    public async Task A_replay_position_is_saved_per_lesson_and_offered_back()
    {
        var student = fixture.Cluster.Client.GetGrain<IStudentGrain>("replayer");

        await student.SaveReplayPositionAsync("algebra-1", TimeSpan.FromMinutes(70));
        await student.SaveReplayPositionAsync("algebra-1", TimeSpan.FromMinutes(71));

        Assert.Equal(TimeSpan.FromMinutes(71), await student.GetReplayPositionAsync("algebra-1"));
        Assert.Null(await student.GetReplayPositionAsync("algebra-2"));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => student.SaveReplayPositionAsync("algebra-1", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => student.SaveReplayPositionAsync("", TimeSpan.Zero));
    }
}
