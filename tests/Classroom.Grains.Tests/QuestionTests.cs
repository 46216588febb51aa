using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Photos;
using Classroom.Contracts.Questions;
using Classroom.Grains.Tests.Fixtures;
using Classroom.TestKit;

namespace Classroom.Grains.Tests;

/// <summary>The Q&amp;A centre's rules, held by the question grain: who asks, answers, adopts, rates, follows up, moderates.</summary>
[Collection(ClassroomCollection.Name)]
public sealed class QuestionTests(ClassroomFixture fixture)
{
    private static readonly QaCaller Student = new("qa-student", "李华", AccountKind.Student);
    private static readonly QaCaller Classmate = new("qa-classmate", "张伟", AccountKind.Student);
    private static readonly QaCaller Teacher = new("qa-teacher", "王老师", AccountKind.Teacher);
    private static readonly QaCaller OtherTeacher = new("qa-teacher-2", "陈老师", AccountKind.Teacher);
    private static readonly QaCaller Administrator = new("qa-admin", "管理员", AccountKind.Teacher, IsAdministrator: true);

    private ClassroomTestCluster Cluster => fixture.Cluster;

    private static QuestionDraft Draft(string title = "一元一次方程应用题怎么列方程？") =>
        new("math", 7, ["math.linear-equation-one-variable"], title, "甲乙两人相向而行，甲每小时走 5 千米，乙每小时走 4 千米，3 小时后相遇。两地相距多少千米？", []);

    private static AnswerDraft Answer(string final = "27 千米") =>
        new("相遇问题：路程和等于速度和乘以时间。", ["设两地相距 x 千米", "x = (5 + 4) × 3", "解得 x = 27"], final, [new ResourceLink("linear-equations-1", "一元一次方程复习课", 90_000)]);

    private async Task<IQuestionGrain> AskedAsync()
    {
        var question = Cluster.Client.GetGrain<IQuestionGrain>($"q{Guid.NewGuid():N}"[..17]);
        await question.AskAsync(Student, Draft());
        return question;
    }

    [Fact]
    public async Task A_student_asks_and_everyone_signed_in_sees_the_question_as_asked()
    {
        var question = Cluster.Client.GetGrain<IQuestionGrain>("q-asked-1");

        var asked = await question.AskAsync(Student, Draft("  一元一次方程应用题怎么列方程？  "));
        var seen = await question.GetAsync(Teacher);

        Assert.Equal(("一元一次方程应用题怎么列方程？", QuestionStatus.Open, "李华"), (asked.Title, asked.Status, asked.AuthorName));
        Assert.Equal(asked.Title, seen.Title);
        Assert.Empty(seen.Answers);
        await Assert.ThrowsAsync<ClassroomStateException>(() => question.AskAsync(Student, Draft()));
    }

    [Fact]
    public async Task Control_characters_are_taken_out_of_what_people_write_and_line_breaks_kept()
    {
        var question = Cluster.Client.GetGrain<IQuestionGrain>("q-cleaned-1");

        var asked = await question.AskAsync(Student, Draft("一元一次方程\u0007应用题\u0000怎么列？") with { Text = "第一行\r\n第二行\u001b" });

        Assert.Equal(("一元一次方程应用题怎么列？", "第一行 \n第二行"), (asked.Title, asked.Text));
    }

    [Fact]
    public async Task Only_students_ask_and_a_question_must_name_a_subject_grade_points_and_a_title()
    {
        var question = Cluster.Client.GetGrain<IQuestionGrain>("q-invalid-1");

        Assert.Equal(Refusals.QaStudentsAsk, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.AskAsync(Teacher, Draft()))).Code);
        Assert.Equal(Refusals.QaSignInRequired,
            (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.AskAsync(new QaCaller("guest-1", "访客", AccountKind.Guest), Draft()))).Code);
        Assert.Equal(Refusals.QaSubjectUnknown, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { Subject = "alchemy" }))).Code);
        Assert.Equal(Refusals.QaGradeRange, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { Grade = 13 }))).Code);
        Assert.Equal(Refusals.QaKnowledgePointCount, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { KnowledgePoints = [] }))).Code);
        Assert.Equal(Refusals.InputTextLength, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft("方程")))).Code);
        Assert.Equal(Refusals.QaPhotos, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { PhotoIds = ["a", "b", "c", "d"] }))).Code);
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => question.GetAsync(Student));
    }

    [Fact]
    public async Task A_question_carries_only_photos_its_author_uploaded()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];
        var own = PhotoIdRule.New();
        var someoneElses = PhotoIdRule.New();
        await Cluster.Client.GetGrain<IPhotoGrain>(own).StoreAsync(Student.UserId, jpeg, 640, 480);
        await Cluster.Client.GetGrain<IPhotoGrain>(someoneElses).StoreAsync(Classmate.UserId, jpeg, 640, 480);
        var question = Cluster.Client.GetGrain<IQuestionGrain>("q-photos-1");

        var theirs = await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { PhotoIds = [own, someoneElses] }));
        var missing = await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { PhotoIds = [PhotoIdRule.New()] }));
        var malformed = await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { PhotoIds = ["../etc/passwd"] }));
        var asked = await question.AskAsync(Student, Draft() with { PhotoIds = [own] });

        Assert.Equal([Refusals.QaPhotos, Refusals.QaPhotos, Refusals.QaPhotos], new[] { theirs.Code, missing.Code, malformed.Code });
        Assert.Equal([own], asked.PhotoIds);
    }

    [Fact]
    public async Task Knowledge_points_come_from_the_catalogue_which_administrators_extend()
    {
        var catalog = Cluster.Client.GetGrain<IKnowledgePointCatalogGrain>(IKnowledgePointCatalogGrain.Key);
        var question = Cluster.Client.GetGrain<IQuestionGrain>("q-points-1");

        var unknown = await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { KnowledgePoints = ["math.alchemy"] }));
        var otherSubject = await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AskAsync(Student, Draft() with { KnowledgePoints = ["physics.sound"] }));
        await Assert.ThrowsAsync<ClassroomPermissionException>(() => catalog.AddAsync(Teacher, "math", "数学建模", "Mathematical modelling"));
        var added = await catalog.AddAsync(Administrator, "math", "数学建模", "Mathematical modelling");
        await Assert.ThrowsAsync<ClassroomStateException>(() => catalog.AddAsync(Administrator, "math", "数学建模", ""));
        var asked = await question.AskAsync(Student, Draft() with { KnowledgePoints = [added.Id, "math.linear-equation-one-variable"] });

        Assert.Equal((Refusals.QaKnowledgePointUnknown, Refusals.QaKnowledgePointUnknown), (unknown.Code, otherSubject.Code));
        Assert.Equal("math.added-1", added.Id);
        Assert.Equal([added.Id, "math.linear-equation-one-variable"], asked.KnowledgePoints);
        var math = (await catalog.GetAsync()).Single(s => s.Subject == "math").Points;
        Assert.Equal(("一元一次方程", "数学建模"), (math.Single(p => p.Id == "math.linear-equation-one-variable").Zh, math[^1].Zh));
        Assert.Equal(QaSubjects.All, (await catalog.GetAsync()).Select(s => s.Subject));
    }

    [Fact]
    public async Task Teachers_answer_once_each_with_steps_and_a_final_answer()
    {
        var question = await AskedAsync();

        var first = await question.AnswerAsync(Teacher, Answer());
        var second = await question.AnswerAsync(OtherTeacher, Answer("二十七千米"));

        var view = await question.GetAsync(Student);
        Assert.Equal(["a1", "a2"], view.Answers.Select(a => a.AnswerId));
        Assert.Equal((first, second), ("a1", "a2"));
        Assert.Equal(QuestionStatus.Answered, view.Status);
        Assert.Equal(["设两地相距 x 千米", "x = (5 + 4) × 3", "解得 x = 27"], view.Answers[0].Answer.Steps);
        Assert.Equal(90_000, view.Answers[0].Answer.Resources.Single().AtMillis);
        Assert.Equal(Refusals.QaAlreadyAnswered, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.AnswerAsync(Teacher, Answer()))).Code);
        Assert.Equal(Refusals.QaTeachersAnswer, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.AnswerAsync(Classmate, Answer()))).Code);
        Assert.Equal(Refusals.QaStepCount, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AnswerAsync(Administrator, Answer() with { Steps = [] }))).Code);
        Assert.Equal(Refusals.InputTextLength, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AnswerAsync(Administrator, Answer(" ")))).Code);
        Assert.Equal(Refusals.QaResourceInvalid,
            (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.AnswerAsync(Administrator, Answer() with { Resources = [new ResourceLink("lesson", "复习", -1)] }))).Code);
    }

    [Fact]
    public async Task Only_the_author_adopts_and_only_once_and_ratings_come_only_after_adoption()
    {
        var question = await AskedAsync();
        var answerId = await question.AnswerAsync(Teacher, Answer());
        var other = await question.AnswerAsync(OtherTeacher, Answer());

        Assert.Equal(Refusals.QaRateAdoptedOnly, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.RateAsync(Student, 5))).Code);
        Assert.Equal(Refusals.QaAuthorAdopts, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.AdoptAsync(Classmate, answerId))).Code);
        Assert.Equal(Refusals.QaAuthorAdopts, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.AdoptAsync(Teacher, answerId))).Code);
        Assert.Equal(Refusals.QaAnswerNotFound, (await Assert.ThrowsAsync<ClassroomNotFoundException>(() => question.AdoptAsync(Student, "a9"))).Code);
        await question.AdoptAsync(Student, answerId);
        Assert.Equal(Refusals.QaAlreadyAdopted, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.AdoptAsync(Student, other))).Code);
        Assert.Equal(Refusals.QaAuthorRates, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.RateAsync(Classmate, 5))).Code);
        Assert.Equal(Refusals.QaStars, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.RateAsync(Student, 6))).Code);
        await question.RateAsync(Student, 5);
        Assert.Equal(Refusals.QaAlreadyRated, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.RateAsync(Student, 4))).Code);

        var view = await question.GetAsync(Classmate);
        Assert.Equal((QuestionStatus.Adopted, answerId, 5), (view.Status, view.AdoptedAnswerId, view.Rating));
        Assert.Equal([true, false], view.Answers.Select(a => a.Adopted));
    }

    [Fact]
    public async Task Follow_ups_come_from_the_author_and_the_answers_teacher_only()
    {
        var question = await AskedAsync();
        var answerId = await question.AnswerAsync(Teacher, Answer());

        await question.FollowUpAsync(Student, answerId, "为什么路程和等于速度和乘以时间？");
        await question.FollowUpAsync(Teacher, answerId, "因为两人同时出发、相向而行，每小时共同缩短 9 千米。");

        Assert.Equal(Refusals.QaFollowUpWho, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.FollowUpAsync(Classmate, answerId, "我也想问"))).Code);
        Assert.Equal(Refusals.QaFollowUpWho, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.FollowUpAsync(OtherTeacher, answerId, "补充一下"))).Code);
        Assert.Equal(Refusals.InputTextLength, (await Assert.ThrowsAsync<ClassroomValidationException>(() => question.FollowUpAsync(Student, answerId, "  "))).Code);
        var thread = (await question.GetAsync(Student)).Answers.Single().FollowUps;
        Assert.Equal(["李华", "王老师"], thread.Select(f => f.AuthorName));
    }

    [Fact]
    public async Task A_closed_question_takes_no_more_answers_or_follow_ups()
    {
        var question = await AskedAsync();
        var answerId = await question.AnswerAsync(Teacher, Answer());

        Assert.Equal(Refusals.QaCloseWho, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.CloseAsync(Teacher))).Code);
        await question.CloseAsync(Student);

        Assert.Equal(QuestionStatus.Closed, (await question.GetAsync(Student)).Status);
        Assert.Equal(Refusals.QaClosed, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.AnswerAsync(OtherTeacher, Answer()))).Code);
        Assert.Equal(Refusals.QaClosed, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.FollowUpAsync(Student, answerId, "还有一个问题"))).Code);
        Assert.Equal(Refusals.QaClosed, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.CloseAsync(Administrator))).Code);
    }

    [Fact]
    public async Task Reports_count_once_each_and_a_hidden_question_is_seen_only_by_its_author_and_administrators()
    {
        var question = await AskedAsync();

        await question.ReportAsync(Classmate, "与学习无关");
        Assert.Equal(Refusals.QaAlreadyReported, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.ReportAsync(Classmate, "重复举报"))).Code);
        Assert.Equal(Refusals.QaReportOwn, (await Assert.ThrowsAsync<ClassroomStateException>(() => question.ReportAsync(Student, "自己"))).Code);
        Assert.Equal(Refusals.QaAdministratorsOnly, (await Assert.ThrowsAsync<ClassroomPermissionException>(() => question.SetHiddenAsync(Teacher, true))).Code);
        Assert.Equal((0, 1), ((await question.GetAsync(Teacher)).Reports, (await question.GetAsync(Administrator)).Reports));
        await question.SetHiddenAsync(Administrator, true);

        Assert.True((await question.GetAsync(Student)).Hidden);
        Assert.True((await question.GetAsync(Administrator)).Hidden);
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => question.GetAsync(Classmate));
        await Assert.ThrowsAsync<ClassroomNotFoundException>(() => question.AnswerAsync(Teacher, Answer()));
        await question.SetHiddenAsync(Administrator, false);
        Assert.False((await question.GetAsync(Classmate)).Hidden);
    }

    [Fact]
    public async Task The_queue_holds_open_questions_and_each_person_lists_their_own()
    {
        var first = await AskedAsync();
        var second = await AskedAsync();
        var answerId = await second.AnswerAsync(Teacher, Answer());
        await second.AdoptAsync(Student, answerId);
        await Cluster.WhenIdleAsync();

        var queue = await Cluster.Client.GetGrain<IQuestionListGrain>(IQuestionListGrain.Queue("math")).ListAsync(new QuestionListQuery(Limit: 500));
        var mine = await Cluster.Client.GetGrain<IQuestionListGrain>(IQuestionListGrain.OfUser(Student.UserId)).ListAsync(new QuestionListQuery(Limit: 500));
        var answered = await Cluster.Client.GetGrain<IQuestionListGrain>(IQuestionListGrain.OfUser(Teacher.UserId)).ListAsync(new QuestionListQuery(Limit: 500));

        Assert.Contains(first.GetPrimaryKeyString(), queue.Select(q => q.QuestionId));
        Assert.DoesNotContain(second.GetPrimaryKeyString(), queue.Select(q => q.QuestionId));
        Assert.Contains(mine, q => q.QuestionId == second.GetPrimaryKeyString() && q.Status == QuestionStatus.Adopted && q.AnswerCount == 1);
        Assert.Contains(answered, q => q.QuestionId == second.GetPrimaryKeyString());
        Assert.DoesNotContain(answered, q => q.QuestionId == first.GetPrimaryKeyString());
    }

    [Fact]
    public async Task A_hidden_question_leaves_its_teachers_lists_and_the_reported_list_but_stays_on_its_authors()
    {
        var question = await AskedAsync();
        var id = question.GetPrimaryKeyString();
        await question.AnswerAsync(Teacher, Answer());
        await question.ReportAsync(Classmate, "与学习无关");
        var reportedBefore = await ListAsync(IQuestionListGrain.Reported);

        await question.SetHiddenAsync(Administrator, true);

        Assert.Contains(id, reportedBefore);
        Assert.DoesNotContain(id, await ListAsync(IQuestionListGrain.Reported));
        Assert.DoesNotContain(id, await ListAsync(IQuestionListGrain.OfUser(Teacher.UserId)));
        Assert.Contains(id, await ListAsync(IQuestionListGrain.OfUser(Student.UserId)));
    }

    private async Task<List<string>> ListAsync(string key) =>
        [.. (await Cluster.Client.GetGrain<IQuestionListGrain>(key).ListAsync(new QuestionListQuery(Limit: 500))).Select(q => q.QuestionId)];

    [Fact]
    public async Task A_question_is_rebuilt_from_its_log_after_the_silo_restarts()
    {
        await using var cluster = await ClassroomCluster.StartAsync();
        var question = cluster.Client.GetGrain<IQuestionGrain>("q-restarted");
        await question.AskAsync(Student, Draft());
        var answerId = await question.AnswerAsync(Teacher, Answer());
        await question.FollowUpAsync(Student, answerId, "第二步为什么要乘 3？");
        await question.AdoptAsync(Student, answerId);
        await question.RateAsync(Student, 5);
        var before = await question.GetAsync(Student);

        await cluster.RestartAsync();
        var after = await cluster.Client.GetGrain<IQuestionGrain>("q-restarted").GetAsync(Student);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(before, Contracts.Serialization.ContractsJsonContext.Default.QuestionView),
            System.Text.Json.JsonSerializer.Serialize(after, Contracts.Serialization.ContractsJsonContext.Default.QuestionView));
    }
}
