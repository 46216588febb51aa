using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>The Q&amp;A centre over HTTP and the hub: asking, answering, adopting, rating, moderation, live notices, search.</summary>
[Collection(GatewayCollection.Name)]
public sealed class QaApiTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private static object Question(string title = "一元一次方程应用题：相遇问题怎么列方程？") => new
    {
        subject = "math", grade = 7, knowledgePoints = new[] { "math.linear-equation-one-variable" }, title,
        text = "甲乙两人相向而行，甲每小时走 5 千米，乙每小时走 4 千米，3 小时后相遇。两地相距多少千米？", photoIds = Array.Empty<string>(),
    };

    private static readonly object Answer = new
    {
        reasoning = "相遇问题：两人所走路程之和等于两地距离。", steps = new[] { "设两地相距 x 千米", "x = (5 + 4) × 3", "解得 x = 27" },
        finalAnswer = "27 千米", resources = Array.Empty<object>(),
    };

    private async Task<HttpClient> ClientAsync(string user, string password, string language = GatewayHost.TestLanguage)
    {
        var client = Host.CreateClient(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Host.TokenAsync(user, password));
        return client;
    }

    private Task<HttpClient> StudentAsync(int number, string language = GatewayHost.TestLanguage) => ClientAsync($"student{number}", "student-demo", language);

    private Task<HttpClient> TeacherAsync() => ClientAsync("teacher", "teacher-demo");

    private Task<HttpClient> OperatorAsync() => ClientAsync("operator", "operator-demo");

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<string> AskAsync(HttpClient student, string? title = null)
    {
        var asked = await ReadAsync(await student.PostAsJsonAsync("/api/qa/questions", Question(title ?? "一元一次方程应用题：相遇问题怎么列方程？")), HttpStatusCode.Created);
        return asked["questionId"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_question_goes_from_asked_to_answered_adopted_and_rated()
    {
        using var student = await StudentAsync(1);
        using var teacher = await TeacherAsync();
        var id = await AskAsync(student);

        var answered = await ReadAsync(await teacher.PostAsJsonAsync($"/api/qa/questions/{id}/answers", Answer), HttpStatusCode.Created);
        var answerId = answered["answers"]![0]!["answerId"]!.GetValue<string>();
        await ReadAsync(await student.PostAsJsonAsync($"/api/qa/questions/{id}/answers/{answerId}/follow-ups", new { text = "第二步为什么乘 3？" }), HttpStatusCode.OK);
        await ReadAsync(await student.PostAsJsonAsync($"/api/qa/questions/{id}/adoption", new { answerId }), HttpStatusCode.OK);
        var rated = await ReadAsync(await student.PostAsJsonAsync($"/api/qa/questions/{id}/rating", new { stars = 5 }), HttpStatusCode.OK);

        Assert.Equal(("adopted", 5, answerId), (rated["status"]!.GetValue<string>(), rated["rating"]!.GetValue<int>(), rated["adoptedAnswerId"]!.GetValue<string>()));
        Assert.Equal(["设两地相距 x 千米", "x = (5 + 4) × 3", "解得 x = 27"], rated["answers"]![0]!["answer"]!["steps"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("第二步为什么乘 3？", rated["answers"]![0]!["followUps"]![0]!["text"]!.GetValue<string>());
        var mine = (await student.GetFromJsonAsync<JsonArray>("/api/qa/mine"))!;
        Assert.Contains(mine, q => q!["questionId"]!.GetValue<string>() == id && q["status"]!.GetValue<string>() == "adopted");
    }

    [Fact]
    public async Task Refusals_come_as_problems_with_their_code_in_the_callers_language()
    {
        using var student = await StudentAsync(1, "zh-CN");
        using var classmate = await StudentAsync(2);
        using var teacher = await TeacherAsync();
        var id = await AskAsync(student);

        var answering = await student.PostAsJsonAsync($"/api/qa/questions/{id}/answers", Answer);
        var asking = await teacher.PostAsJsonAsync("/api/qa/questions", Question());
        var adopting = await classmate.PostAsJsonAsync($"/api/qa/questions/{id}/adoption", new { answerId = "a1" });
        var rating = await student.PostAsJsonAsync($"/api/qa/questions/{id}/rating", new { stars = 5 });
        var unknown = await student.GetAsync("/api/qa/questions/q-nobody-asked-this");
        var malformed = await student.GetAsync("/api/qa/questions/..%2F..%2Fetc");

        Assert.Equal(HttpStatusCode.Forbidden, answering.StatusCode);
        var problem = (await answering.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("qa.teachers-answer", "只有老师可以回答问题。"), (problem["code"]!.GetValue<string>(), problem["detail"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, asking.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adopting.StatusCode);
        Assert.Equal("qa.rate-adopted-only", (await ReadAsync(rating, HttpStatusCode.Conflict))["code"]!.GetValue<string>());
        Assert.Equal("qa.not-found", (await ReadAsync(unknown, HttpStatusCode.NotFound))["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task Only_teachers_see_a_subjects_queue_and_only_administrators_hide_or_review_reports()
    {
        using var student = await StudentAsync(1);
        using var classmate = await StudentAsync(2);
        using var teacher = await TeacherAsync();
        using var administrator = await OperatorAsync();
        var id = await AskAsync(student, "一元一次方程：工程问题的等量关系是什么？");

        var queue = (await teacher.GetFromJsonAsync<JsonArray>("/api/qa/queue/math?order=waiting&limit=500"))!;
        var studentQueue = await student.GetAsync("/api/qa/queue/math");
        var badSubject = await teacher.GetAsync("/api/qa/queue/alchemy");
        await ReadAsync(await classmate.PostAsJsonAsync($"/api/qa/questions/{id}/reports", new { reason = "与学习无关" }), HttpStatusCode.OK);
        var studentHides = await classmate.PutAsJsonAsync($"/api/qa/questions/{id}/hidden", new { hidden = true });
        var reported = (await administrator.GetFromJsonAsync<JsonArray>("/api/qa/reported"))!;
        var hidden = await ReadAsync(await administrator.PutAsJsonAsync($"/api/qa/questions/{id}/hidden", new { hidden = true }), HttpStatusCode.OK);
        var seenByClassmate = await classmate.GetAsync($"/api/qa/questions/{id}");
        var seenByAuthor = await ReadAsync(await student.GetAsync($"/api/qa/questions/{id}"), HttpStatusCode.OK);
        var queueAfter = (await teacher.GetFromJsonAsync<JsonArray>("/api/qa/queue/math?limit=500"))!;

        Assert.Contains(queue, q => q!["questionId"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.Forbidden, studentQueue.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSubject.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, studentHides.StatusCode);
        Assert.Contains(reported, q => q!["questionId"]!.GetValue<string>() == id);
        Assert.Equal((true, 1), (hidden["hidden"]!.GetValue<bool>(), hidden["reports"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, seenByClassmate.StatusCode);
        Assert.True(seenByAuthor["hidden"]!.GetValue<bool>());
        Assert.DoesNotContain(queueAfter, q => q!["questionId"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task The_author_the_queue_and_the_question_watchers_are_told_at_once()
    {
        using var student = await StudentAsync(1);
        using var teacherHttp = await TeacherAsync();
        await using var author = await Host.ConnectAsync(await Host.StudentTokenAsync(1));
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await using var watcher = await Host.ConnectAsync(await Host.StudentTokenAsync(3));
        await author.InvokeAsync("WatchMyQuestions");
        await teacher.InvokeAsync("WatchQuestionQueue", "math");

        var id = await AskAsync(student, "一元一次方程：行程问题中的追及问题怎么做？");
        var asked = await NextQaAsync(teacher, "question.asked");
        await watcher.InvokeAsync("WatchQuestion", id);
        await teacherHttp.PostAsJsonAsync($"/api/qa/questions/{id}/answers", Answer);
        var toAuthor = await NextQaAsync(author, "answer.posted");
        var toWatcher = await NextQaAsync(watcher, "answer.posted");

        Assert.Equal(("queue/math", "question.asked", id), (asked.Topic, asked.Type, asked.QuestionId));
        Assert.Equal(("user/student1", "answer.posted", id), (toAuthor.Topic, toAuthor.Type, toAuthor.QuestionId));
        Assert.Equal(($"question/{id}", "answer.posted"), (toWatcher.Topic, toWatcher.Type));
        Assert.Equal("王芳", toAuthor.Actor);
        Assert.Equal("teacher", toAuthor.ActorId);
    }

    [Fact]
    public async Task The_answering_teacher_hears_of_the_adoption_and_nobody_hears_who_reported()
    {
        using var student = await StudentAsync(3);
        using var classmate = await StudentAsync(2);
        using var teacherHttp = await TeacherAsync();
        await using var author = await Host.ConnectAsync(await Host.StudentTokenAsync(3));
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        var id = await AskAsync(student, "一元一次方程：工程问题怎么设未知数？");
        await author.InvokeAsync("WatchQuestion", id);
        await teacher.InvokeAsync("WatchMyQuestions");
        var answered = await ReadAsync(await teacherHttp.PostAsJsonAsync($"/api/qa/questions/{id}/answers", Answer), HttpStatusCode.Created);

        await ReadAsync(await classmate.PostAsJsonAsync($"/api/qa/questions/{id}/reports", new { reason = "与学习无关" }), HttpStatusCode.OK);
        await ReadAsync(await student.PostAsJsonAsync($"/api/qa/questions/{id}/adoption", new { answerId = answered["answers"]![0]!["answerId"]!.GetValue<string>() }), HttpStatusCode.OK);
        var toTeacher = await NextQaAsync(teacher, "answer.adopted");
        var heardByAuthor = new List<string>();
        while (heardByAuthor.LastOrDefault() != "answer.adopted")
        {
            var (target, arguments) = await author.NextCallAsync();
            if (target == "qa")
            {
                heardByAuthor.Add(arguments[1]!["type"]!.GetValue<string>());
            }
        }

        Assert.Equal(($"user/teacher", id, "演示学生3"), (toTeacher.Topic, toTeacher.QuestionId, toTeacher.Actor));
        Assert.Equal(["answer.posted", "answer.adopted"], heardByAuthor); // the report came between them, untold
    }

    [Fact]
    public async Task A_teacher_switching_subjects_stops_hearing_the_first_ones_queue()
    {
        using var student = await StudentAsync(2);
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await teacher.InvokeAsync("WatchQuestionQueue", "math");
        await teacher.InvokeAsync("UnwatchQuestionQueue", "math");
        await teacher.InvokeAsync("WatchQuestionQueue", "physics");

        await AskAsync(student, "一元一次方程：这道题不该再通知数学队列");
        var physics = await ReadAsync(await student.PostAsJsonAsync("/api/qa/questions", new
        {
            subject = "physics", grade = 8, knowledgePoints = new[] { "physics.buoyancy" }, title = "浮力：为什么轮船能浮起来？", text = "", photoIds = Array.Empty<string>(),
        }), HttpStatusCode.Created);
        var (topic, _, questionId, _, _) = await NextQaAsync(teacher, "question.asked");

        Assert.Equal(("queue/physics", physics["questionId"]!.GetValue<string>()), (topic, questionId));
    }

    [Fact]
    public async Task Guests_and_students_cannot_watch_what_is_not_theirs()
    {
        var guest = (await (await Host.Http.PostAsJsonAsync("/api/accounts/guest", new { displayName = "访客" })).Content.ReadFromJsonAsync<JsonObject>())!;
        await using var visitor = await Host.ConnectAsync(guest["accessToken"]!.GetValue<string>());
        await using var student = await Host.ConnectAsync(await Host.StudentTokenAsync(2));

        Assert.Contains("[qa.sign-in-required]", (await Assert.ThrowsAsync<HubError>(() => visitor.InvokeAsync("WatchMyQuestions"))).Message, StringComparison.Ordinal);
        Assert.Contains("[qa.teachers-answer]", (await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("WatchQuestionQueue", "math"))).Message, StringComparison.Ordinal);
        Assert.Contains("[qa.not-found]", (await Assert.ThrowsAsync<HubError>(() => student.InvokeAsync("WatchQuestion", "q-nobody-asked-this"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_answered_questions_in_chinese_with_the_matched_words_marked()
    {
        using var student = await StudentAsync(2);
        using var teacher = await TeacherAsync();
        var id = await AskAsync(student, "二元一次方程组：鸡兔同笼问题怎么列方程组？");
        await ReadAsync(await teacher.PostAsJsonAsync($"/api/qa/questions/{id}/answers", Answer), HttpStatusCode.Created);

        var hits = (await student.GetFromJsonAsync<JsonArray>($"/api/qa/search?text={Uri.EscapeDataString("鸡兔同笼")}&subject=math&answeredOnly=true"))!;
        var everywhere = (await student.GetFromJsonAsync<JsonArray>($"/api/qa/search?text={Uri.EscapeDataString("鸡兔同笼 方程组")}"))!;
        var tooLong = await student.GetAsync($"/api/qa/search?text={new string('题', 201)}");
        var badSubject = await student.GetAsync("/api/qa/search?text=x&subject=alchemy");

        var hit = hits.First(h => h!["id"]!.GetValue<string>() == id)!;
        var title = hit["title"]!.AsArray();
        Assert.Equal("二元一次方程组：鸡兔同笼问题怎么列方程组？", string.Concat(title.Select(p => p!["text"]!.GetValue<string>())));
        Assert.Contains(title, p => p!["match"]!.GetValue<bool>() && p["text"]!.GetValue<string>().Contains('鸡'));
        Assert.Contains(everywhere, h => h!["id"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSubject.StatusCode);
    }

    [Fact]
    public async Task The_subjects_come_with_their_knowledge_points_in_chinese_and_english()
    {
        using var student = await StudentAsync(1);

        var subjects = (await student.GetFromJsonAsync<JsonArray>("/api/qa/subjects"))!;

        Assert.Equal(["math", "chinese", "english", "physics", "chemistry", "biology", "history", "geography", "politics"], subjects.Select(s => s!["subject"]!.GetValue<string>()));
        var point = subjects[0]!["points"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "math.linear-equation-one-variable")!;
        Assert.Equal(("一元一次方程", "Linear equations in one variable"), (point["zh"]!.GetValue<string>(), point["en"]!.GetValue<string>()));
        Assert.All(subjects, s => Assert.NotEmpty(s!["points"]!.AsArray()));
    }

    [Fact]
    public async Task An_ended_lessons_replay_is_found_beside_the_questions_and_a_scheduled_one_is_not()
    {
        using var student = await StudentAsync(1);
        var ended = await Classrooms.ScheduleAsync(Host, "勾股定理的证明与应用复习课");
        var scheduled = await Classrooms.ScheduleAsync(Host, "勾股定理逆定理预习课");
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        await Classrooms.JoinAsync(teacher, ended);
        await teacher.InvokeAsync("StartLesson", ended);
        await teacher.InvokeAsync("EndLesson", ended);

        var hits = (await student.GetFromJsonAsync<JsonArray>($"/api/qa/search?text={Uri.EscapeDataString("勾股定理")}&subject=math&kind=lesson"))!;

        Assert.Contains(hits, h => h!["id"]!.GetValue<string>() == ended && h["kind"]!.GetValue<string>() == "lesson");
        Assert.DoesNotContain(hits, h => h!["id"]!.GetValue<string>() == scheduled);
    }

    [Fact]
    public async Task A_user_making_too_many_qa_actions_is_told_when_to_come_back()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Classroom:Gateway:QaWritesPerTenMinutes"] = "2" });
        using var student = host.CreateClient("zh-CN");
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.StudentTokenAsync(1));

        await ReadAsync(await student.PostAsJsonAsync("/api/qa/questions", Question("一元一次方程：第一题怎么做？")), HttpStatusCode.Created);
        await ReadAsync(await student.PostAsJsonAsync("/api/qa/questions", Question("一元一次方程：第二题怎么做？")), HttpStatusCode.Created);
        var third = await student.PostAsJsonAsync("/api/qa/questions", Question("一元一次方程：第三题怎么做？"));
        var reading = await student.GetAsync("/api/qa/mine");

        var problem = await ReadAsync(third, HttpStatusCode.TooManyRequests);
        Assert.Equal("qa.rate-limit", problem["code"]!.GetValue<string>());
        Assert.StartsWith("提问、回答和追问太频繁了", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode); // reading is not limited
    }

    /// <summary>The next Q&amp;A notice of <paramref name="type"/> (the author, say, is told of their own question too).</summary>
    private static async Task<(string Topic, string Type, string QuestionId, string Actor, string ActorId)> NextQaAsync(HubTestClient client, string type)
    {
        while (true)
        {
            var (target, arguments) = await client.NextCallAsync();
            if (target == "qa" && arguments[1]!["type"]!.GetValue<string>() == type)
            {
                var notice = arguments[1]!;
                return (arguments[0]!.GetValue<string>(), notice["type"]!.GetValue<string>(), notice["questionId"]!.GetValue<string>(),
                    notice["actorName"]!.GetValue<string>(), notice["actorId"]!.GetValue<string>());
            }
        }
    }
}
