using System.Net.Http.Json;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// A teacher and two students, each in a browser of their own, run a lesson through the pages: in Chinese (what the
/// programme's users read) and in English, every expected word taken from that language's catalogue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LessonPagesTests(BrowserFixture fixture)
{
    private const string Injection = "<b>x = 4</b><img src=x onerror=\"document.title='pwned'\">";

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_teacher_and_two_students_run_a_lesson_from_registration_to_the_end(string language)
    {
        var text = PageText.For(language);
        var words = Words.For(language);
        var id = await Classrooms.ScheduleAsync(fixture.Host, words.Title);
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: language);
        var first = await fixture.SignInAsync("student1", "student-demo", phone: true, language: language);
        var second = await fixture.SignInAsync("student2", "student-demo", language: language);
        var suffix = language == "en" ? "" : "-" + language;

        // Schedule: the preview with the teacher's profile; register, cancel, register again.
        await Lesson(first, id).GetByRole(AriaRole.Button, new() { Name = text["lesson.preview"] }).ClickAsync();
        await Expect(Lesson(first, id).Locator(".details")).ToContainTextAsync("北京市特级教师");
        await Lesson(first, id).GetByRole(AriaRole.Button, new() { Name = text["lesson.register"], Exact = true }).ClickAsync();
        await Expect(Lesson(first, id).Locator(".badge", new() { HasText = text["lesson.registeredBadge"] })).ToBeVisibleAsync();
        await CheckLanguageAsync(first, text);
        await BrowserFixture.ScreenshotAsync(first, "schedule-phone" + suffix);
        await Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = text["lesson.register"], Exact = true }).ClickAsync();
        await Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = text["lesson.cancelRegistration"] }).ClickAsync();
        await Expect(Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = text["lesson.register"], Exact = true })).ToBeVisibleAsync();
        await Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = text["lesson.register"], Exact = true }).ClickAsync();
        await Expect(Lesson(second, id).GetByText(text["lesson.registered", ("count", 2)])).ToBeVisibleAsync();
        await CheckLanguageAsync(second, text);
        await BrowserFixture.ScreenshotAsync(second, "schedule" + suffix);

        // The teacher opens the console and starts; the students join from the schedule.
        await teacher.ReloadAsync();
        await Expect(Lesson(teacher, id).Locator("time")).ToContainTextAsync("14:30");
        await CheckLanguageAsync(teacher, text);
        await Lesson(teacher, id).GetByRole(AriaRole.Link, new() { Name = text["lesson.openConsole"] }).ClickAsync();
        await teacher.Locator("#start").ClickAsync();
        await Expect(teacher.Locator("#lesson-status")).ToHaveTextAsync(text["status.live"]);
        foreach (var student in new[] { first, second })
        {
            await student.ReloadAsync();
            await Lesson(student, id).GetByRole(AriaRole.Link, new() { Name = text["lesson.join"] }).ClickAsync();
            await Expect(student.Locator("#connection")).ToHaveTextAsync(text["connection.connected"]);
        }

        await Expect(teacher.Locator("#roster")).ToContainTextAsync("演示学生1");
        await Expect(teacher.Locator("#roster")).ToContainTextAsync("演示学生2");

        // Chat: text from users stays text; the teacher deletes a message and mutes its author; slow mode.
        await PostAsync(first, Injection);
        await PostAsync(second, words.Spam);
        await Expect(teacher.Locator("#chat")).ToContainTextAsync(words.Spam);
        var spam = teacher.Locator("#chat li", new() { HasText = words.Spam });
        await spam.GetByRole(AriaRole.Button, new() { Name = text["console.forWhom", ("action", text["console.mute"]), ("name", "演示学生2")] }).ClickAsync();
        await spam.GetByRole(AriaRole.Button, new() { Name = text["console.forWhom", ("action", text["console.delete"]), ("name", "演示学生2")] }).ClickAsync();
        foreach (var page in new[] { teacher, first, second })
        {
            await Expect(page.Locator("#chat li", new() { HasText = "x = 4" })).ToContainTextAsync(Injection);
            await Expect(page.Locator("#chat")).Not.ToContainTextAsync(words.Spam);
            Assert.Equal(0, await page.Locator("#chat b, #chat img").CountAsync());
            Assert.NotEqual("pwned", await page.TitleAsync());
        }

        await PostAsync(second, words.Question);
        await Expect(second.Locator("#status")).ToContainTextAsync(words.Muted);
        await teacher.Locator("#slow-mode").SelectOptionAsync("10");
        await Expect(first.Locator("#chat-rules")).ToHaveTextAsync(text["chat.slowModeRule", ("count", 10)]);

        // A poll: both students vote, the teacher watches the tally, closes it and publishes the results.
        await teacher.Locator("#poll-form [name=question]").FillAsync(words.PollQuestion);
        await teacher.Locator("#poll-form [name=options]").FillAsync("2x + 3 = 11\nx + 3 = 11\n3x = 11");
        await teacher.Locator("#poll-form button[type=submit]").ClickAsync();
        await VoteAsync(first, text, "2x + 3 = 11");
        await VoteAsync(second, text, "x + 3 = 11");
        var poll = teacher.Locator("#polls .poll").First;
        await Expect(poll.Locator(".voters")).ToHaveTextAsync(text["poll.voters", ("count", 2)]);
        await Expect(poll.Locator("[data-option='0'] .count")).ToHaveTextAsync("1");
        await Expect(poll.Locator("[data-option='1'] .count")).ToHaveTextAsync("1");
        await poll.GetByRole(AriaRole.Button, new() { Name = text["console.closePoll"], Exact = true }).ClickAsync();
        await poll.GetByRole(AriaRole.Button, new() { Name = text["console.publish"] }).ClickAsync();
        var published = text["poll.badge", ("kind", text["poll.poll"]), ("status", text["poll.status.published"])];
        await Expect(first.Locator("#polls .poll .badge")).ToHaveTextAsync(published);
        await Expect(first.Locator("#polls .poll .voters")).ToHaveTextAsync(text["poll.voters", ("count", 2)]);

        // A hand: raised, seen in order by the teacher, invited on stage, seen by the class.
        await first.Locator("#hand").ClickAsync();
        await Expect(teacher.Locator("#hands li")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("演示学生1"));
        await CheckLanguageAsync(first, text);
        await BrowserFixture.ScreenshotAsync(first, "student-phone" + suffix);
        await teacher.Locator("#hands li").GetByRole(AriaRole.Button, new() { Name = text["console.forWhom", ("action", text["console.invite"]), ("name", "演示学生1")] }).ClickAsync();
        await Expect(first.Locator("#my-place")).ToHaveTextAsync(text["student.onStage"]);
        await Expect(second.Locator("#stage")).ToHaveTextAsync("演示学生1");

        // A marker, then the end.
        await teacher.Locator("#marker-label").FillAsync(words.Marker);
        await teacher.Locator("#marker-form button").ClickAsync();
        await Expect(teacher.Locator("#markers")).ToContainTextAsync(words.Marker);
        await CheckLanguageAsync(teacher, text);
        await CheckLanguageAsync(second, text);
        await BrowserFixture.ScreenshotAsync(second, "student" + suffix);
        await BrowserFixture.ScreenshotAsync(teacher, "teacher-console" + suffix);
        await teacher.Locator("#end").ClickAsync();
        foreach (var page in new[] { teacher, first, second })
        {
            await Expect(page.Locator("#lesson-status")).ToHaveTextAsync(text["status.ended"]);
        }

        await Expect(first.Locator("#status")).ToContainTextAsync(text["student.ended"]);
        await CheckLanguageAsync(first, text);

        Assert.Empty(fixture.PageErrors);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_teacher_schedules_in_Beijing_time_from_a_computer_in_another_time_zone(string language)
    {
        var text = PageText.For(language);
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: language);
        var form = teacher.Locator("#new-lesson-form");
        var title = $"{(language == "en" ? "Similar triangles" : "相似三角形")} {Guid.NewGuid():N}"[..24];
        await Expect(form.Locator("#starts-label")).ToHaveTextAsync(text["newLesson.startsAt", ("zone", text["newLesson.beijingTime"])]);
        await CheckLanguageAsync(teacher, text);

        // The first Saturday of next June, 09:00 in Beijing: 21:00 on Friday in New York, where this browser thinks it is.
        var year = DateTime.UtcNow.Year + 1;
        var day = Enumerable.Range(1, 7).First(d => new DateTime(year, 6, d).DayOfWeek == DayOfWeek.Saturday);
        await form.Locator("[name=title]").FillAsync(title);
        await form.Locator("[name=startsAt]").FillAsync($"{year}-06-0{day}T09:00");
        await form.Locator("button[type=submit]").ClickAsync();

        var lesson = teacher.Locator("li.lesson", new() { HasText = title });
        var expected = text["time.lesson", ("date", language == "en" ? $"Jun {day}, {year}" : $"{year}年6月{day}日"),
            ("weekday", language == "en" ? "Sat" : "周六"), ("start", "09:00"), ("end", "10:00")];
        await Expect(lesson.Locator("time")).ToHaveTextAsync(expected);
        var id = await lesson.GetAttributeAsync("data-lesson-id");
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Host.TeacherTokenAsync());
        var snapshot = await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/lessons/{id}");
        Assert.Equal(new DateTimeOffset(year, 6, day, 1, 0, 0, TimeSpan.Zero), snapshot!["preview"]!["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task A_browser_set_to_Chinese_gets_Chinese_and_English_is_one_click_away_and_remembered()
    {
        var page = await fixture.NewPageAsync(language: "zh-CN");
        await page.GotoAsync("/");
        await Expect(page.Locator("#sign-in-title")).ToHaveTextAsync(PageText.For("zh-CN")["signIn.title"]);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await PageText.AssertNoEnglishAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("#sign-in-title")).ToHaveTextAsync(PageText.For("en")["signIn.title"]);
        await page.ReloadAsync();
        await Expect(page.Locator("#sign-in-title")).ToHaveTextAsync(PageText.For("en")["signIn.title"]);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        // A wrong password is refused in the page's language, by the server.
        var form = page.Locator("#sign-in-form");
        await form.Locator("[name=userName]").FillAsync("student1");
        await form.Locator("[name=password]").FillAsync("not-the-password");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#status")).Not.ToBeEmptyAsync();
        var english = await page.Locator("#status").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Expect(page.Locator("#sign-in-title")).ToHaveTextAsync(PageText.For("zh-CN")["signIn.title"]);
        await form.Locator("[name=userName]").FillAsync("student1");
        await form.Locator("[name=password]").FillAsync("not-the-password");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#status")).Not.ToBeEmptyAsync();
        Assert.NotEqual(english, await page.Locator("#status").TextContentAsync());
        await PageText.AssertNoEnglishAsync(page);

        Assert.Empty(fixture.PageErrors);
    }

    private static async Task CheckLanguageAsync(IPage page, PageText text)
    {
        Assert.Equal(text.Language, await page.Locator("html").GetAttributeAsync("lang"));
        if (text.IsChinese)
        {
            await PageText.AssertNoEnglishAsync(page);
        }
    }

    private static ILocator Lesson(IPage page, string id) => page.Locator($"li.lesson[data-lesson-id='{id}']");

    private static async Task PostAsync(IPage page, string message)
    {
        await page.Locator("#chat-text").FillAsync(message);
        await page.Locator("#chat-form button[type=submit]").ClickAsync();
    }

    private static async Task VoteAsync(IPage page, PageText text, string option)
    {
        var ballot = page.Locator("#polls form[data-ballot]");
        await ballot.GetByLabel(option, new() { Exact = true }).CheckAsync();
        await ballot.GetByRole(AriaRole.Button, new() { Name = text["poll.vote"], Exact = true }).ClickAsync();
        await Expect(ballot).ToContainTextAsync(text["poll.voteIn"]);
    }

    /// <summary>What the people in the lesson write, in the lesson's language.</summary>
    private sealed record Words(string Title, string Spam, string Question, string Muted, string PollQuestion, string Marker)
    {
        public static Words For(string language) => language == "en"
            ? new("Linear equations", "buy followers at spam.example", "can I speak?", "muted", "Which equation fits the story?", "Example 2: the train problem")
            : new("一元一次方程", "加微信领资料 spam.example", "老师，我可以发言吗？", "禁言", "哪个方程符合题意？", "例题 2：火车过桥问题");
    }
}
