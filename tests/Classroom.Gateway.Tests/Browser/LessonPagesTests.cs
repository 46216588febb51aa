using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>A teacher and two students, each in a browser of their own, run a lesson through the pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LessonPagesTests(BrowserFixture fixture)
{
    private const string Injection = "<b>x = 4</b><img src=x onerror=\"document.title='pwned'\">";

    [Fact]
    public async Task A_teacher_and_two_students_run_a_lesson_from_registration_to_the_end()
    {
        var id = await Classrooms.ScheduleAsync(fixture.Host);
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo");
        var first = await fixture.SignInAsync("student1", "student-demo", phone: true);
        var second = await fixture.SignInAsync("student2", "student-demo");

        // Schedule: the preview with the teacher's profile; register, cancel, register again.
        await Lesson(first, id).GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(Lesson(first, id).Locator(".details")).ToContainTextAsync("Beijing special-grade teacher");
        await Lesson(first, id).GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(Lesson(first, id).Locator(".badge", new() { HasText = "registered" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(first, "schedule-phone");
        await Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = "Cancel registration" }).ClickAsync();
        await Expect(Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = "Register" })).ToBeVisibleAsync();
        await Lesson(second, id).GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(Lesson(second, id).GetByText("2 registered")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(second, "schedule");

        // The teacher opens the console and starts; the students join from the schedule.
        await teacher.ReloadAsync();
        await Lesson(teacher, id).GetByRole(AriaRole.Link, new() { Name = "Open console" }).ClickAsync();
        await teacher.Locator("#start").ClickAsync();
        await Expect(teacher.Locator("#lesson-status")).ToHaveTextAsync("live");
        foreach (var student in new[] { first, second })
        {
            await student.ReloadAsync();
            await Lesson(student, id).GetByRole(AriaRole.Link, new() { Name = "Join" }).ClickAsync();
            await Expect(student.Locator("#connection")).ToHaveTextAsync("Connected");
        }

        await Expect(teacher.Locator("#roster")).ToContainTextAsync("Demo Student 1");
        await Expect(teacher.Locator("#roster")).ToContainTextAsync("Demo Student 2");

        // Chat: text from users stays text; the teacher deletes a message and mutes its author; slow mode.
        await PostAsync(first, Injection);
        await PostAsync(second, "buy followers at spam.example");
        await Expect(teacher.Locator("#chat")).ToContainTextAsync("spam.example");
        var spam = teacher.Locator("#chat li", new() { HasText = "spam.example" });
        await spam.GetByRole(AriaRole.Button, new() { Name = "Mute" }).ClickAsync();
        await spam.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        foreach (var page in new[] { teacher, first, second })
        {
            await Expect(page.Locator("#chat li", new() { HasText = "x = 4" })).ToContainTextAsync(Injection);
            await Expect(page.Locator("#chat")).Not.ToContainTextAsync("spam.example");
            Assert.Equal(0, await page.Locator("#chat b, #chat img").CountAsync());
            Assert.NotEqual("pwned", await page.TitleAsync());
        }

        await PostAsync(second, "can I speak?");
        await Expect(second.Locator("#status")).ToContainTextAsync("muted");
        await teacher.Locator("#slow-mode").SelectOptionAsync("10");
        await Expect(first.Locator("#chat-rules")).ToHaveTextAsync("slow mode: one message every 10 s");

        // A poll: both students vote, the teacher watches the tally, closes it and publishes the results.
        await teacher.Locator("#poll-form [name=question]").FillAsync("Which equation fits the story?");
        await teacher.Locator("#poll-form [name=options]").FillAsync("2x + 3 = 11\nx + 3 = 11\n3x = 11");
        await teacher.Locator("#poll-form button[type=submit]").ClickAsync();
        await VoteAsync(first, "2x + 3 = 11");
        await VoteAsync(second, "x + 3 = 11");
        var poll = teacher.Locator("#polls .poll").First;
        await Expect(poll.Locator(".voters")).ToHaveTextAsync("2 voters");
        await Expect(poll.Locator("[data-option='0'] .count")).ToHaveTextAsync("1");
        await Expect(poll.Locator("[data-option='1'] .count")).ToHaveTextAsync("1");
        await poll.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await poll.GetByRole(AriaRole.Button, new() { Name = "Publish results" }).ClickAsync();
        await Expect(first.Locator("#polls .poll .badge")).ToHaveTextAsync("poll · results published");
        await Expect(first.Locator("#polls .poll .voters")).ToHaveTextAsync("2 voters");

        // A hand: raised, seen in order by the teacher, invited on stage, seen by the class.
        await first.Locator("#hand").ClickAsync();
        await Expect(teacher.Locator("#hands li")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Demo Student 1"));
        await BrowserFixture.ScreenshotAsync(first, "student-phone");
        await teacher.Locator("#hands li").GetByRole(AriaRole.Button, new() { Name = "Invite to stage" }).ClickAsync();
        await Expect(first.Locator("#my-place")).ToHaveTextAsync("You are on stage.");
        await Expect(second.Locator("#stage")).ToHaveTextAsync("Demo Student 1");

        // A marker, then the end.
        await teacher.Locator("#marker-label").FillAsync("Example 2: the train problem");
        await teacher.Locator("#marker-form button").ClickAsync();
        await Expect(teacher.Locator("#markers")).ToContainTextAsync("Example 2: the train problem");
        await BrowserFixture.ScreenshotAsync(second, "student");
        await BrowserFixture.ScreenshotAsync(teacher, "teacher-console");
        await teacher.Locator("#end").ClickAsync();
        foreach (var page in new[] { teacher, first, second })
        {
            await Expect(page.Locator("#lesson-status")).ToHaveTextAsync("ended");
        }

        await Expect(first.Locator("#status")).ToContainTextAsync("The lesson has ended");

        Assert.Empty(fixture.PageErrors);
    }

    private static ILocator Lesson(IPage page, string id) => page.Locator($"li.lesson[data-lesson-id='{id}']");

    private static async Task PostAsync(IPage page, string text)
    {
        await page.Locator("#chat-text").FillAsync(text);
        await page.Locator("#chat-form button[type=submit]").ClickAsync();
    }

    private static async Task VoteAsync(IPage page, string option)
    {
        var ballot = page.Locator("#polls form[data-ballot]");
        await ballot.GetByLabel(option, new() { Exact = true }).CheckAsync();
        await ballot.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(ballot).ToContainTextAsync("Your vote is in.");
    }
}
