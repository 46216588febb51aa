using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// The Q&amp;A centre through its pages, a student and the teacher each in a browser of their own: in Chinese the whole
/// flow (a similar answered question suggested while typing, the question appearing in the teacher's queue live, an
/// answer with steps and a lesson appearing on the student's page live, follow-ups both ways, adoption, rating), and a
/// shorter one in English. Every expected word comes from that language's catalogue.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QaPagesTests(BrowserFixture fixture)
{
    private const string Teacher = "王芳";
    private const string Student = "演示学生2";

    [Fact]
    public async Task In_Chinese_a_student_asks_with_suggestions_the_teacher_answers_from_the_live_queue_and_the_student_follows_up_adopts_and_rates()
    {
        var text = PageText.For("zh-CN");
        const string similarTitle = "两人相向而行，相遇问题的方程怎么列？";
        var similar = await QaRequests.AskAsync(fixture.Host, 1, similarTitle, "甲乙两人相向而行，3 小时后相遇，两地相距多少千米？");
        await QaRequests.AnswerAsync(fixture.Host, similar, "27 千米", "设两地相距 x 千米", "x = (5 + 4) × 3");
        var lesson = await QaRequests.RecordedLessonAsync(fixture.Host, "行程问题专题复习");
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: "zh-CN");
        await teacher.GotoAsync("/qa-queue.html?subject=math&order=newest");
        await Expect(teacher.Locator("#connection")).ToHaveTextAsync(text["connection.connected"]);
        var student = await fixture.SignInAsync("student2", "student-demo", language: "zh-CN");

        // Asking: a knowledge point, a title; the similar answered question is suggested with the matched words marked.
        const string title = "两人相向而行的相遇问题怎么列方程？";
        await student.GetByRole(AriaRole.Link, new() { Name = text["nav.qa"] }).ClickAsync();
        await student.GetByLabel("一元一次方程", new() { Exact = true }).CheckAsync();
        await Expect(student.Locator("#ask-points-count")).ToHaveTextAsync(text["qa.ask.pointsChosen", ("count", 1), ("max", 5)]);
        await student.Locator("#ask-question-title").FillAsync(title);
        var hit = student.Locator($"#suggestions li[data-hit-id='{similar}']");
        await Expect(hit.Locator("a.title")).ToHaveTextAsync(similarTitle);
        await Expect(hit.Locator("a.title mark", new() { HasTextString = "相遇" })).ToHaveCountAsync(1);
        await Expect(hit.Locator("a.title")).ToHaveAttributeAsync("href", $"/question.html?id={similar}");
        await Expect(hit.Locator(".badge.qa-adopted")).ToHaveCountAsync(0);
        await Expect(student.Locator("#suggest-status")).ToHaveTextAsync(text["qa.suggest.found", ("count", await student.Locator("#suggestions li").CountAsync())]);
        await student.Locator("#ask-text").FillAsync("甲每小时走 5 千米，乙每小时走 4 千米，两人同时出发，3 小时后相遇。");
        await CheckChineseAsync(student);
        await BrowserFixture.ScreenshotAsync(student, "qa-ask-zh-CN");

        // Two photos of the homework, the first removed again: one goes with the question.
        await student.GetByLabel(text["qa.ask.addPhoto"]).SetInputFilesAsync([Photo("草稿.png", SKColors.Orange), Photo("题目.png", SKColors.SteelBlue)]);
        await Expect(student.Locator("#ask-photo-count")).ToHaveTextAsync(text["qa.ask.photoCount", ("count", 2), ("max", 3)]);
        await student.GetByRole(AriaRole.Button, new() { Name = text["qa.ask.removePhoto", ("number", 1)] }).ClickAsync();
        await Expect(student.Locator("#ask-photos img")).ToHaveCountAsync(1);
        Assert.True(await student.Locator("#ask-photos img").EvaluateAsync<bool>(BlueRatherThanOrange), "the photo left is not the one chosen second");
        var photo = await student.Locator("#ask-photos li").GetAttributeAsync("data-photo-id");
        await student.GetByRole(AriaRole.Button, new() { Name = text["qa.ask.submit"] }).ClickAsync();
        await Expect(student.Locator("#question-title")).ToHaveTextAsync(title);
        var id = new Uri(student.Url).Query.Split('=')[1];
        await Expect(student.Locator("#question [data-status]")).ToHaveTextAsync(text["qa.status.open"]);
        var shown = student.Locator("#question .photos img");
        await Expect(shown).ToHaveAttributeAsync("src", $"/api/photos/{photo}");
        await Expect(shown).ToHaveAttributeAsync("alt", text["qa.photo", ("number", 1)]);
        Assert.True(await shown.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0)"), "the photo did not load");

        // The teacher's queue shows it without a reload, and says so.
        var queued = teacher.Locator($"#queue li[data-question-id='{id}']");
        await Expect(queued.Locator("a.title")).ToHaveTextAsync(title);
        await Expect(teacher.Locator("#notice")).ToHaveTextAsync(text["qa.notice.asked", ("actor", Student), ("title", title)]);
        await CheckChineseAsync(teacher);
        await BrowserFixture.ScreenshotAsync(teacher, "qa-queue-zh-CN");

        // The answer: reasoning, steps added and one removed, the final answer, a lesson from 1:30.
        await queued.Locator("a.title").ClickAsync();
        await teacher.GetByLabel(text["answerForm.reasoning"]).FillAsync("相遇问题：两人所走的路程之和等于两地的距离。");
        await teacher.GetByLabel(text["answerForm.step", ("number", 1)], new() { Exact = true }).FillAsync("设两地相距 x 千米");
        foreach (var step in new[] { "x = (5 + 4) × 3", "多写的一步" })
        {
            await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.addStep"] }).ClickAsync();
            await teacher.Keyboard.TypeAsync(step);
        }

        await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.removeStep", ("number", 3)] }).ClickAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.addStep"] }).ClickAsync();
        await teacher.GetByLabel(text["answerForm.step", ("number", 3)], new() { Exact = true }).FillAsync("解得 x = 27");
        await teacher.GetByLabel(text["answerForm.finalAnswer"]).FillAsync("两地相距 27 千米");
        await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.addLesson"] }).ClickAsync();
        await teacher.GetByLabel(text["answerForm.lesson", ("number", 1)], new() { Exact = true }).SelectOptionAsync(lesson);
        await teacher.GetByLabel(text["answerForm.at"]).FillAsync("1:30");
        await CheckChineseAsync(teacher);
        await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.submit"] }).ClickAsync();
        await Expect(teacher.Locator("#status")).ToHaveTextAsync(text["answerForm.posted"]);
        await Expect(teacher.Locator("#answer-form-card")).ToBeHiddenAsync();

        // The student sees it arrive, numbered, with the lesson at its moment.
        var answer = student.Locator("#answers article.answer");
        await Expect(answer.Locator("ol.steps li")).ToHaveTextAsync(["设两地相距 x 千米", "x = (5 + 4) × 3", "解得 x = 27"]);
        await Expect(student.Locator("#notice")).ToHaveTextAsync(text["qa.notice.answeredMine", ("actor", Teacher), ("title", title)]);
        await Expect(answer.Locator("h3")).ToHaveTextAsync(text["question.answerBy", ("name", Teacher)]);
        await Expect(answer.Locator(".final")).ToHaveTextAsync("两地相距 27 千米");
        await Expect(answer.GetByRole(AriaRole.Link, new() { Name = "行程问题专题复习" })).ToHaveAttributeAsync("href", $"/replay.html?lesson={lesson}&t=90");
        await Expect(student.Locator("#question [data-status]")).ToHaveTextAsync(text["qa.status.answered"]);

        // Follow-ups, each seen live by the other.
        await answer.GetByLabel(text["question.askMore"], new() { Exact = true }).FillAsync("为什么速度要相加？");
        await answer.GetByRole(AriaRole.Button, new() { Name = text["question.send"] }).ClickAsync();
        var teachersAnswer = teacher.Locator("#answers article.answer");
        await Expect(teachersAnswer.Locator("ul.thread li .text")).ToHaveTextAsync(["为什么速度要相加？"]);
        await Expect(teacher.Locator("#notice")).ToHaveTextAsync(text["qa.notice.followUp", ("actor", Student), ("title", title)]);
        await teachersAnswer.GetByLabel(text["question.reply"]).FillAsync("相向而行，每小时两人之间的距离缩短 5 + 4 = 9 千米。");
        await teachersAnswer.GetByRole(AriaRole.Button, new() { Name = text["question.send"] }).ClickAsync();
        await Expect(answer.Locator("ul.thread li .text")).ToHaveTextAsync(["为什么速度要相加？", "相向而行，每小时两人之间的距离缩短 5 + 4 = 9 千米。"]);
        await Expect(answer.GetByLabel(text["question.askMore"], new() { Exact = true })).ToHaveValueAsync("");

        // Adoption, then the stars as a radio group.
        await answer.GetByRole(AriaRole.Button, new() { Name = text["question.adoptWhose", ("action", text["question.adopt"]), ("name", Teacher)] }).ClickAsync();
        await Expect(student.Locator("#question [data-status]")).ToHaveTextAsync(text["qa.status.adopted"]);
        await Expect(teachersAnswer.Locator(".badge.qa-adopted")).ToHaveTextAsync(text["question.adoptedBadge"]);
        await answer.GetByRole(AriaRole.Radio, new() { Name = text["question.stars", ("count", 5)] }).CheckAsync();
        await CheckChineseAsync(student);
        await answer.GetByRole(AriaRole.Button, new() { Name = text["question.rate"] }).ClickAsync();
        await Expect(answer.Locator("p.rating")).ToContainTextAsync(text["question.rated", ("count", 5)]);
        await Expect(teachersAnswer.Locator("p.rating")).ToContainTextAsync(text["question.rated", ("count", 5)]);
        await Expect(teacher.Locator("#notice")).ToHaveTextAsync(text["qa.notice.rated", ("actor", Student), ("stars", 5), ("title", title)]);
        await CheckChineseAsync(teacher);
        await BrowserFixture.ScreenshotAsync(student, "qa-question-zh-CN", fullPage: true);

        // Adopted questions leave the queue; the student's own list has it as adopted.
        await teacher.GotoAsync("/qa-queue.html?subject=math&order=newest");
        await Expect(teacher.Locator("#queue-count")).Not.ToBeEmptyAsync();
        await Expect(teacher.Locator($"#queue li[data-question-id='{id}']")).ToHaveCountAsync(0);
        await student.GotoAsync("/qa.html");
        await Expect(student.Locator($"#mine li[data-question-id='{id}'] [data-status]")).ToHaveTextAsync(text["qa.status.adopted"]);

        // Searching every question: by words in a subject (a recorded lesson links to its replay), by knowledge point.
        var search = student.Locator("#search-form");
        await search.GetByLabel(text["qa.search.text"]).FillAsync("行程问题专题复习");
        await search.GetByLabel(text["qa.subject"]).SelectOptionAsync("math");
        await search.GetByRole(AriaRole.Button, new() { Name = text["qa.search.submit"] }).ClickAsync();
        await Expect(student.Locator($"#results li[data-kind='lesson'][data-hit-id='{lesson}'] a.title")).ToHaveAttributeAsync("href", $"/replay.html?lesson={lesson}");
        await search.GetByLabel(text["qa.search.text"]).FillAsync("相遇");
        await search.GetByLabel(text["qa.point"]).SelectOptionAsync(QaRequests.LinearEquations);
        await search.GetByRole(AriaRole.Button, new() { Name = text["qa.search.submit"] }).ClickAsync();
        await Expect(student.Locator($"#results li[data-hit-id='{id}'] .badge.qa-adopted")).ToHaveTextAsync(text["qa.status.adopted"]);
        await Expect(student.Locator("#results li[data-kind='lesson']")).ToHaveCountAsync(0);
        await Expect(student.Locator("#search-status")).ToHaveTextAsync(text["qa.search.found", ("count", await student.Locator("#results li").CountAsync())]);
        await CheckChineseAsync(student);

        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task In_English_a_question_is_answered_from_the_live_queue_adopted_and_rated_and_what_people_wrote_stays_text()
    {
        var text = PageText.For("en");
        const string injection = "<img src=x onerror=\"document.title='pwned'\">";
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo");
        await teacher.GotoAsync("/qa-queue.html?subject=math&order=waiting");
        await Expect(teacher.Locator("#connection")).ToHaveTextAsync(text["connection.connected"]);
        var student = await fixture.SignInAsync("student3", "student-demo", phone: true);

        const string title = "How long does the train take to cross the bridge?";
        await student.GotoAsync("/qa.html");
        await student.GetByLabel("Linear equations in one variable", new() { Exact = true }).CheckAsync();
        await student.GetByLabel(text["qa.ask.questionTitle"]).FillAsync(title);
        await student.GetByLabel(text["qa.ask.text"]).FillAsync($"A 200 m train crosses a 400 m bridge at 20 m/s. {injection}");
        await BrowserFixture.ScreenshotAsync(student, "qa-ask");
        await student.GetByRole(AriaRole.Button, new() { Name = text["qa.ask.submit"] }).ClickAsync();
        await Expect(student.Locator("#question-title")).ToHaveTextAsync(title);
        await Expect(student.Locator(".question-text")).ToContainTextAsync(injection);

        var queued = teacher.Locator("#queue li", new() { HasText = title });
        await Expect(queued.Locator("[data-status]")).ToHaveTextAsync(text["qa.status.open"]);
        await Expect(teacher.Locator("#notice")).ToHaveTextAsync(text["qa.notice.asked", ("actor", "演示学生3"), ("title", title)]);
        await BrowserFixture.ScreenshotAsync(teacher, "qa-queue");
        await queued.Locator("a.title").ClickAsync();
        await Expect(teacher.Locator(".question-text")).ToContainTextAsync(injection);
        Assert.Equal(0, await teacher.Locator("#question img").CountAsync());
        await teacher.GetByLabel(text["answerForm.step", ("number", 1)], new() { Exact = true }).FillAsync("The train travels 200 + 400 = 600 m.");
        await teacher.GetByLabel(text["answerForm.finalAnswer"]).FillAsync("600 / 20 = 30 seconds");
        await teacher.GetByRole(AriaRole.Button, new() { Name = text["answerForm.submit"] }).ClickAsync();

        var answer = student.Locator("#answers article.answer");
        await Expect(answer.Locator("ol.steps li")).ToHaveTextAsync(["The train travels 200 + 400 = 600 m."]);
        await Expect(student.Locator("#notice")).ToHaveTextAsync(text["qa.notice.answeredMine", ("actor", Teacher), ("title", title)]);
        await answer.GetByRole(AriaRole.Button, new() { Name = text["question.adoptWhose", ("action", text["question.adopt"]), ("name", Teacher)] }).ClickAsync();
        await answer.GetByRole(AriaRole.Radio, new() { Name = text["question.stars", ("count", 4)] }).CheckAsync();
        await answer.GetByRole(AriaRole.Button, new() { Name = text["question.rate"] }).ClickAsync();
        await Expect(teacher.Locator("#answers p.rating")).ToContainTextAsync(text["question.rated", ("count", 4)]);
        await Expect(teacher.Locator("#notice")).ToHaveTextAsync(text["qa.notice.rated", ("actor", "演示学生3"), ("stars", 4), ("count", 4), ("title", title)]);
        await BrowserFixture.ScreenshotAsync(student, "qa-question", fullPage: true);

        Assert.NotEqual("pwned", await teacher.TitleAsync());
        Assert.Equal("en", await student.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(fixture.PageErrors);
    }

    /// <summary>Whether an image's colour is the second photo's (steel blue), not the first's (orange).</summary>
    private const string BlueRatherThanOrange = """
        img => img.decode().then(() => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 1;
          canvas.getContext('2d').drawImage(img, 0, 0, 1, 1);
          const [red, , blue] = canvas.getContext('2d').getImageData(0, 0, 1, 1).data;
          return blue > red;
        })
        """;

    /// <summary>A small picture to upload, as a file chooser gives it.</summary>
    private static FilePayload Photo(string name, SKColor color) =>
        new() { Name = name, MimeType = "image/png", Buffer = TestImages.Png(120, 80, (_, _) => color) };

    private static async Task CheckChineseAsync(IPage page)
    {
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await PageText.AssertNoEnglishAsync(page);
    }
}
