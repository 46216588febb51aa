using Classroom.Contracts.Accounts;
using Classroom.Contracts.Catalog;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Grains.Tests.Fixtures;

namespace Classroom.Grains.Tests;

public sealed class AccountAndCatalogTests
{
    [Fact]
    public async Task A_user_name_can_be_taken_only_once()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var account = cluster.Client.GetGrain<IAccountGrain>("li-ming");
        var record = new AccountRecord("li-ming", "Li Ming", AccountKind.Student, "hash-1", DateTimeOffset.UnixEpoch);

        Assert.Null(await account.GetAsync());
        await account.CreateAsync(record);
        await Assert.ThrowsAsync<ClassroomStateException>(() => account.CreateAsync(record with { PasswordHash = "other" }));
        await Assert.ThrowsAsync<ClassroomValidationException>(() => cluster.Client.GetGrain<IAccountGrain>("someone").CreateAsync(record));
        await account.UpdatePasswordHashAsync("hash-2");

        Assert.Equal("hash-2", (await account.GetAsync())!.PasswordHash);
    }

    [Fact]
    public async Task The_schedule_lists_upcoming_and_live_lessons_by_start_time_filtered_by_subject_and_time()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var lessons = new Lessons(cluster);
        var saturday = Lessons.Preview().StartsAt;
        await lessons.Get("algebra").ScheduleAsync(Lessons.Teacher, Lessons.Preview() with { StartsAt = saturday.AddDays(1) });
        await lessons.Get("physics").ScheduleAsync(Lessons.Teacher, Lessons.Preview() with { Subject = "physics" });
        var ended = await lessons.ScheduleAsync("ended");
        await ended.StartAsync(Lessons.Teacher);
        await ended.EndAsync(Lessons.Teacher);
        await lessons.Get("algebra").RegisterAsync("s1");
        var catalog = cluster.Client.GetGrain<ILessonCatalogGrain>(ILessonCatalogGrain.Key);

        var all = await catalog.ListAsync(new LessonQuery(null, null, null));
        var math = await catalog.ListAsync(new LessonQuery("MATH", null, null));
        var saturdayOnly = await catalog.ListAsync(new LessonQuery(null, saturday, saturday.AddHours(12)));

        Assert.Equal(["physics", "algebra"], all.Select(l => l.ClassroomId));
        Assert.Equal(1, all.Single(l => l.ClassroomId == "algebra").Registered);
        Assert.Equal(["algebra"], math.Select(l => l.ClassroomId));
        Assert.Equal(["physics"], saturdayOnly.Select(l => l.ClassroomId));
        Assert.Equal(ClassroomStatus.Scheduled, all[0].Status);
    }
}
