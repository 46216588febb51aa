using System.Text.Json;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// Every page, in both languages and in the state where it shows the most (a live lesson with a poll, a raised hand
/// and chat; a replay at a moment with a tally), checked by axe-core: no serious or critical violation. Then the
/// keyboard: a student votes and chats without a mouse.
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
        await AssertAccessibleAsync(student, "replay");
        await BrowserFixture.ScreenshotAsync(student, "replay-phone" + (language == "en" ? "" : "-" + language));

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
    private static async Task AssertAccessibleAsync(IPage page, string what)
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
