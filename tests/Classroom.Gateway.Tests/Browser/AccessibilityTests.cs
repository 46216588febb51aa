using System.Text.Json;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// Every page, in both languages and in the state where it shows the most (a live lesson with a poll, a raised hand,
/// chat and a board with the drawing tools; a replay at a moment with a tally and the board), checked by axe-core: no
/// serious or critical violation. Then the keyboard: a student votes and chats without a mouse. The Q&amp;A centre's
/// pages likewise, as a student (asking, with suggestions; adopting and rating), a teacher (the queue; the answer form)
/// and an administrator (reports, hiding).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js"));

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Every_page_has_no_serious_or_critical_accessibility_violation(string language)
    {
        var text = PageText.For(language);
        var id = await Classrooms.ScheduleAsync(fixture.Host, language == "en" ? "Linear equations" : "一元一次方程");
        await using var teacherHub = await fixture.Host.ConnectAsync(await fixture.Host.TeacherTokenAsync());
        await Classrooms.JoinAsync(teacherHub, id);

        var signedOut = await fixture.NewPageAsync(language: language);
        await signedOut.GotoAsync("/");
        await Expect(signedOut.Locator("#sign-in")).ToBeVisibleAsync();
        await AssertAccessibleAsync(signedOut, "sign-in");

        var student = await fixture.SignInAsync("student3", "student-demo", phone: true, language: language);
        await student.Locator($"li.lesson[data-lesson-id='{id}'] button[aria-controls]").ClickAsync();
        await Expect(student.Locator($"li.lesson[data-lesson-id='{id}'] .details")).Not.ToBeEmptyAsync();
        await AssertAccessibleAsync(student, "schedule (student, phone)");

        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: language);
        await AssertAccessibleAsync(teacher, "schedule (teacher)");
        await teacher.GotoAsync($"/teach.html?lesson={id}");
        await teacher.Locator("#start").ClickAsync();
        await Expect(teacher.Locator("#lesson-status [data-status='live']")).ToBeVisibleAsync();
        await teacherHub.InvokeAsync("PostChat", id, language == "en" ? "Welcome, everyone" : "同学们好");
        await teacherHub.InvokeAsync("CreatePoll", id, new { question = language == "en" ? "What is x?" : "x 等于几？", options = new[] { "3", "4", "5" } });
        await student.GotoAsync($"/lesson.html?lesson={id}");
        await Expect(student.Locator("#polls form[data-ballot]")).ToBeVisibleAsync();
        await student.Locator("#hand").ClickAsync();
        await Expect(teacher.Locator("#hands li")).ToHaveCountAsync(1);
        // The board with a shape on it, and the student holding the pen: the drawing tools are on both pages.
        await teacherHub.InvokeAsync("DrawShape", id, new { strokeId = "r1", pageId = "p1", tool = "rectangle", color = "#d0021b", width = 50, points = new[] { 1000, 1000, 4000, 4000 }, text = (string?)null });
        await teacherHub.InvokeAsync("GrantPen", id, "student3");
        var board = text["board.label", ("page", 1), ("pages", 1), ("count", 1)];
        await Expect(student.Locator("#board-tools")).ToBeVisibleAsync();
        await Expect(student.Locator("#board canvas[role=img]")).ToHaveAttributeAsync("aria-label", board);
        await Expect(teacher.Locator("#board canvas[role=img]")).ToHaveAttributeAsync("aria-label", board);
        await AssertAccessibleAsync(student, "live lesson (student, phone)");
        await AssertAccessibleAsync(teacher, "teacher console");

        await teacher.Locator("#end").ClickAsync();
        await Expect(student.Locator("#lesson-status [data-status='ended']")).ToBeVisibleAsync();
        await student.GotoAsync($"/replay.html?lesson={id}&t=0");
        await Expect(student.Locator("#chapters button").First).ToBeVisibleAsync();
        // The playhead by keyboard: End goes to the end of the lesson, where the chat and the poll are.
        await student.Locator("#scrubber").FocusAsync();
        await student.Keyboard.PressAsync("End");
        await Expect(student.Locator("#chat li .text")).ToHaveCountAsync(1);
        await Expect(student.Locator("#polls .poll")).ToHaveCountAsync(1);
        await Expect(student.Locator("#board canvas[role=img]")).ToHaveAttributeAsync("aria-label", board);
        await AssertAccessibleAsync(student, "replay");
        await BrowserFixture.ScreenshotAsync(student, "replay-phone" + (language == "en" ? "" : "-" + language));

        Assert.Empty(fixture.PageErrors);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_Q_and_A_pages_have_no_serious_or_critical_accessibility_violation(string language)
    {
        var english = language == "en";
        var text = PageText.For(language);
        var answered = await QaRequests.AskAsync(fixture.Host, 3, english ? "Two trains meet: when?" : "两列火车相向而行，何时相遇？", english ? "They start 300 km apart." : "两地相距 300 千米。");
        await QaRequests.AnswerAsync(fixture.Host, answered, english ? "After 2 hours" : "2 小时后", english ? "Add the speeds" : "速度相加");
        var waiting = await QaRequests.AskAsync(fixture.Host, 1, english ? "Solving 3x + 5 = 20" : "解方程 3x + 5 = 20", "");
        await QaRequests.ReportAsync(fixture.Host, 2, waiting, english ? "advertising" : "广告");
        await QaRequests.RecordedLessonAsync(fixture.Host, english ? "Equations, revised" : "方程专题复习");

        var student = await fixture.SignInAsync("student3", "student-demo", phone: true, language: language);
        await student.GotoAsync("/qa.html");
        await Expect(student.Locator($"#mine li[data-question-id='{answered}']")).ToBeVisibleAsync();
        await student.Locator("#ask-question-title").FillAsync(english ? "When do two trains meet?" : "两列火车什么时候相遇？");
        await Expect(student.Locator($"#suggestions li[data-hit-id='{answered}'] mark").First).ToBeVisibleAsync();
        await student.GetByLabel(text["qa.ask.addPhoto"]).SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = TestImages.Png(60, 40) });
        await Expect(student.Locator("#ask-photos img")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(student, "Q&A centre (student, phone)");
        await student.GotoAsync($"/question.html?id={answered}");
        await student.GetByRole(AriaRole.Button, new() { Name = text["question.adoptWhose", ("action", text["question.adopt"]), ("name", "王芳")] }).ClickAsync();
        await Expect(student.Locator("fieldset.stars input")).ToHaveCountAsync(5);
        await AssertAccessibleAsync(student, "question (its author, rating)");
        // The stars by keyboard: Tab into the group, arrows to the fourth, Enter sends.
        await TabUntilAsync(student, student.Locator("fieldset.stars input").First);
        await student.Keyboard.PressAsync("Space");
        for (var i = 0; i < 3; i++)
        {
            await student.Keyboard.PressAsync("ArrowRight");
        }

        await student.Keyboard.PressAsync("Enter");
        await Expect(student.Locator("#answers p.rating")).ToContainTextAsync(text["question.rated", ("count", 4)]);

        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: language);
        await teacher.GotoAsync("/qa-queue.html?subject=math");
        await Expect(teacher.Locator($"#queue li[data-question-id='{waiting}']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(teacher, "queue");
        await teacher.GotoAsync($"/question.html?id={waiting}");
        await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.addStep"] }).ClickAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.addLesson"] }).ClickAsync();
        await Expect(teacher.Locator("#answer-resources select")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(teacher, "question (the teacher's answer form)");

        var administrator = await fixture.SignInAsync("operator", "operator-demo", language: language);
        await administrator.GotoAsync("/qa.html");
        await Expect(administrator.Locator($"#reported li[data-question-id='{waiting}']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(administrator, "Q&A centre (administrator)");
        await administrator.GotoAsync($"/question.html?id={waiting}");
        await Expect(administrator.Locator("#question .qa-reported")).ToHaveTextAsync(text["question.reports", ("count", 1)]);
        await administrator.GetByRole(AriaRole.Button, new() { Name = text["question.hide"] }).ClickAsync();
        await Expect(administrator.Locator("#question .qa-hidden")).ToHaveTextAsync(text["question.hiddenBadge"]);
        await AssertAccessibleAsync(administrator, "question (administrator)");
        // Hiding is the review's outcome: the question leaves the reported list.
        await administrator.GotoAsync("/qa.html");
        await Expect(administrator.Locator("#reported li").First).ToBeVisibleAsync(); // the list has loaded
        await Expect(administrator.Locator($"#reported li[data-question-id='{waiting}']")).ToHaveCountAsync(0);

        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task A_student_votes_and_chats_with_the_keyboard_alone()
    {
        var id = await Classrooms.ScheduleAsync(fixture.Host, "一元一次方程");
        await using var teacher = await fixture.Host.ConnectAsync(await fixture.Host.TeacherTokenAsync());
        await Classrooms.JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await teacher.InvokeAsync("CreatePoll", id, new { question = "x 等于几？", options = new[] { "3", "4", "5" } });
        var text = PageText.For("zh-CN");
        var page = await fixture.SignInAsync("student3", "student-demo", language: "zh-CN");
        await page.GotoAsync($"/lesson.html?lesson={id}");
        await Expect(page.Locator("#connection")).ToHaveTextAsync(text["connection.connected"]);

        // Into the ballot by Tab, through its options by arrow keys, sent by Enter.
        var firstOption = page.Locator("#polls form[data-ballot] input").First;
        await TabUntilAsync(page, firstOption);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#polls form[data-ballot] input").Nth(1)).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#polls form[data-ballot]")).ToContainTextAsync(text["poll.voteIn"]);

        // A tally redraw does not take the focus away from where the student is.
        await teacher.InvokeAsync("PostChat", id, "大家想一想");
        await Expect(page.Locator("#chat")).ToContainTextAsync("大家想一想");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.closest('form')?.dataset.ballot ?? ''");
        Assert.NotEqual("", focused);

        await TabUntilAsync(page, page.Locator("#chat-text"));
        await page.Keyboard.TypeAsync("我选 4");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#chat li .text").Last).ToHaveTextAsync("我选 4");

        Assert.Empty(fixture.PageErrors);
    }

    /// <summary>Presses Tab (at most 60 times) until the element has the focus, and checks the focus is visible there.</summary>
    private static async Task TabUntilAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                var outline = await target.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle");
                Assert.NotEqual("none", outline);
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}");
    }

    /// <summary>Runs axe-core in the page (through the DevTools protocol: the page's CSP allows no injected script).</summary>
    internal static async Task AssertAccessibleAsync(IPage page, string what)
    {
        await page.EvaluateAsync(Axe);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{what}: {string.Join("\n", violations)}");
    }
}
