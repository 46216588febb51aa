using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.MicroLessons;
using Classroom.Contracts.Questions;
using Classroom.Grains.Tests.Fixtures;
using Classroom.TestKit;

namespace Classroom.Grains.Tests;

public sealed class MicroLessonTests : IAsyncLifetime
{
    private const string Point = "math.linear-equation-one-variable";
    private static readonly QaCaller Teacher = new(Lessons.Teacher, "王老师", AccountKind.Teacher);
    private ClassroomTestCluster _cluster = null!;

    private Lessons Lessons => new(_cluster);

    public async Task InitializeAsync() => _cluster = await ClassroomCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IMicroLessonGrain Micro(string? id = null) => _cluster.Client.GetGrain<IMicroLessonGrain>(id ?? MicroLessonIds.New());

    private static MicroLessonDraft Draft(string classroomId, long from = 60_000, long to = 180_000) =>
        new(classroomId, from, to, " 移项的两个要点 ", "math", 7, [Point], "把含 x 的项移到左边。");

    /// <summary>A lesson that ran 10 minutes and ended.</summary>
    private async Task<string> RecordedAsync(string id)
    {
        var classroom = await Lessons.LiveAsync(id);
        await _cluster.AdvanceAsync(TimeSpan.FromMinutes(10));
        await classroom.EndAsync(Lessons.Teacher);
        return id;
    }

    private static string Json(MicroLessonView view) =>
        System.Text.Json.JsonSerializer.Serialize(view, Contracts.Serialization.ContractsJsonContext.Default.MicroLessonView);

    private Task<IReadOnlyList<MicroLessonView>> ListAsync(string key, MicroLessonQuery? query = null) =>
        _cluster.Client.GetGrain<IMicroLessonListGrain>(key).ListAsync(query ?? new MicroLessonQuery());

    [Fact]
    public async Task A_teacher_cuts_a_micro_lesson_from_their_recorded_lesson_and_it_is_listed_by_subject_point_and_teacher()
    {
        var lesson = await RecordedAsync("micro-cut");
        var micro = Micro();

        var made = await micro.CreateAsync(Teacher, Draft(lesson));
        var again = await micro.CreateAsync(Teacher, Draft(lesson));

        Assert.Equal(("移项的两个要点", "math", 7, 60_000L, 180_000L), (made.Title, made.Subject, made.Grade, made.FromMillis, made.ToMillis));
        Assert.Equal((Lessons.Teacher, lesson, Lessons.Preview().Title), (made.TeacherId, made.ClassroomId, made.LessonTitle));
        Assert.Equal([Point], made.KnowledgePoints);
        Assert.Equal(Json(made), Json(again));
        Assert.Equal(Json(made), Json(await micro.GetAsync()));
        Assert.Equal([Json(made)], (await ListAsync(IMicroLessonListGrain.OfSubject("math"))).Select(Json));
        Assert.Equal([Json(made)], (await ListAsync(IMicroLessonListGrain.OfSubject("math"), new MicroLessonQuery(Grade: 7, KnowledgePoint: Point))).Select(Json));
        Assert.Empty(await ListAsync(IMicroLessonListGrain.OfSubject("math"), new MicroLessonQuery(Grade: 8)));
        Assert.Equal([Json(made)], (await ListAsync(IMicroLessonListGrain.OfTeacher(Lessons.Teacher))).Select(Json));
    }

    [Fact]
    public async Task Only_a_lessons_own_teacher_cuts_and_only_from_an_ended_lesson_within_its_recording()
    {
        var lesson = await RecordedAsync("micro-rules");
        var live = await Lessons.LiveAsync("micro-live");

        var student = await Assert.ThrowsAsync<ClassroomPermissionException>(() => Micro().CreateAsync(new QaCaller("s1", "李明", AccountKind.Student), Draft(lesson)));
        var other = await Assert.ThrowsAsync<ClassroomPermissionException>(() => Micro().CreateAsync(new QaCaller("teacher-li", "李老师", AccountKind.Teacher), Draft(lesson)));
        var notEnded = await Assert.ThrowsAsync<ClassroomStateException>(() => Micro().CreateAsync(Teacher, Draft(live.GetPrimaryKeyString())));
        var beyond = await Assert.ThrowsAsync<ClassroomValidationException>(() => Micro().CreateAsync(Teacher, Draft(lesson, 590_000, 610_000)));
        var tooShort = await Assert.ThrowsAsync<ClassroomValidationException>(() => Micro().CreateAsync(Teacher, Draft(lesson, 60_000, 65_000)));
        var backwards = await Assert.ThrowsAsync<ClassroomValidationException>(() => Micro().CreateAsync(Teacher, Draft(lesson, 180_000, 60_000)));
        var unknownPoint = await Assert.ThrowsAsync<ClassroomValidationException>(() => Micro().CreateAsync(Teacher, Draft(lesson) with { KnowledgePoints = ["math.alchemy"] }));
        var title = await Assert.ThrowsAsync<ClassroomValidationException>(() => Micro().CreateAsync(Teacher, Draft(lesson) with { Title = " x " }));
        var unknownLesson = await Assert.ThrowsAsync<ClassroomNotFoundException>(() => Micro().CreateAsync(Teacher, Draft("no-such-lesson")));

        Assert.Equal((Refusals.MicroTeachersOnly, Refusals.MicroOwnLessonsOnly, Refusals.MicroLessonNotEnded), (student.Code, other.Code, notEnded.Code));
        Assert.Equal((Refusals.MicroRange, Refusals.MicroRange, Refusals.MicroRange), (beyond.Code, tooShort.Code, backwards.Code));
        Assert.Contains("600", beyond.Message);
        Assert.Equal((Refusals.QaKnowledgePointUnknown, Refusals.InputTextLength), (unknownPoint.Code, title.Code));
        Assert.Equal(Refusals.LessonNotFound, unknownLesson.Code);
        Assert.Empty(await ListAsync(IMicroLessonListGrain.OfTeacher(Lessons.Teacher)));
    }

    [Fact]
    public async Task A_micro_lesson_is_deleted_by_its_teacher_or_an_administrator_and_then_is_gone_for_good()
    {
        var lesson = await RecordedAsync("micro-delete");
        var mine = Micro();
        var other = Micro();
        await mine.CreateAsync(Teacher, Draft(lesson));
        await other.CreateAsync(Teacher, Draft(lesson, 0, 30_000));

        var refused = await Assert.ThrowsAsync<ClassroomPermissionException>(() => mine.DeleteAsync(new QaCaller("teacher-li", "李老师", AccountKind.Teacher)));
        await mine.DeleteAsync(Teacher);
        await other.DeleteAsync(new QaCaller("operator", "管理员", AccountKind.Teacher, IsAdministrator: true));

        Assert.Equal(Refusals.MicroDeleteNotAllowed, refused.Code);
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => mine.GetAsync());
        await Assert.ThrowsAsync<ClassroomStateException>(() => mine.CreateAsync(Teacher, Draft(lesson)));
        Assert.Empty(await ListAsync(IMicroLessonListGrain.OfSubject("math")));
        Assert.Empty(await ListAsync(IMicroLessonListGrain.OfTeacher(Lessons.Teacher)));
    }
}
