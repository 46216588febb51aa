using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>A teacher cuts a micro-lesson from a replay; a student finds it by subject and knowledge point and watches only its range.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MicroLessonPageTests(BrowserFixture fixture)
{
    private static readonly PageText Text = PageText.For("zh-CN");

    [Fact]
    public async Task A_teacher_cuts_a_chapter_into_a_micro_lesson_and_a_student_watches_only_that_part()
    {
        var id = await RecordedLessonAsync();

        // The teacher's replay offers the cut: the chapter "移项" runs from its marker (1:00) to the next (1:30).
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: "zh-CN");
        await teacher.GotoAsync($"/replay.html?lesson={id}");
        await Expect(teacher.Locator("#cut")).ToBeVisibleAsync();
        await teacher.Locator("#cut-chapter").SelectOptionAsync(new SelectOptionValue { Label = "1:00 移项" });
        await Expect(teacher.Locator("#cut-from")).ToHaveTextAsync("1:00");
        await Expect(teacher.Locator("#cut-to")).ToHaveTextAsync("1:30");
        await teacher.Locator("#cut-title-input").FillAsync("移项的要点");
        await teacher.Locator("#cut-points").SelectOptionAsync(new SelectOptionValue { Label = "一元一次方程" });
        await AccessibilityTests.AssertAccessibleAsync(teacher, "replay with the cut form (teacher)");
        await BrowserFixture.ScreenshotAsync(teacher, "micro-cut-zh-CN", fullPage: true);
        await teacher.GetByRole(AriaRole.Button, new() { Name = Text["micro.cutSubmit"] }).ClickAsync();
        await Expect(teacher.Locator("#cut-made")).ToContainTextAsync(Text["micro.made", ("title", "移项的要点")]);

        // The student finds it under its subject and knowledge point.
        var student = await fixture.SignInAsync("student2", "student-demo", language: "zh-CN");
        await student.GotoAsync("/micro-lessons.html?subject=math&knowledgePoint=math.linear-equation-one-variable");
        var item = student.Locator("#list li", new() { HasText = "移项的要点" });
        await Expect(item).ToContainTextAsync(Text["micro.length", ("length", "0:30")]);
        await AccessibilityTests.AssertAccessibleAsync(student, "micro-lessons");
        await BrowserFixture.ScreenshotAsync(student, "micro-lessons-zh-CN");
        await PageText.AssertNoEnglishAsync(student);
        await item.GetByRole(AriaRole.Link).ClickAsync();

        // It opens at its start: the lesson's chat before it ("先列方程") is not part of it.
        await Expect(student.Locator("#micro-info h2")).ToHaveTextAsync("移项的要点");
        await Expect(student.Locator("#duration")).ToHaveTextAsync("0:30");
        await Expect(student.Locator("#position")).ToHaveTextAsync("0:00");
        await Expect(student.Locator("#chat li .text")).ToHaveCountAsync(0);
        await AccessibilityTests.AssertAccessibleAsync(student, "micro-lesson");
        await student.Locator("#speed").SelectOptionAsync("4");
        await student.Locator("#play").ClickAsync();
        // It plays what was said in it, to its end and no further ("代入检验" is the next chapter's).
        await Expect(student.Locator("#status")).ToHaveTextAsync(Text["micro.end"]);
        await Expect(student.Locator("#position")).ToHaveTextAsync("0:30");
        await Expect(student.Locator("#chat li .text")).ToHaveTextAsync(["移项：把 3 移到右边"]);
        await PageText.AssertNoEnglishAsync(student);
        await BrowserFixture.ScreenshotAsync(student, "micro-lesson-zh-CN");
        Assert.Empty(fixture.PageErrors);
    }

    /// <summary>
    /// A lesson of 2 minutes on the gateway's clock: chat at its start; at 1:00 the marker "移项", at 1:05 a chat; at 1:30
    /// the marker "检验", at 1:35 a chat; then it ends.
    /// </summary>
    private async Task<string> RecordedLessonAsync()
    {
        var id = await Classrooms.ScheduleAsync(fixture.Host, "一元一次方程");
        await using var teacher = await fixture.Host.ConnectAsync(await fixture.Host.TeacherTokenAsync());
        await Classrooms.JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await teacher.InvokeAsync("PostChat", id, "先列方程");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await teacher.InvokeAsync("AddMarker", id, "移项");
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await teacher.InvokeAsync("PostChat", id, "移项：把 3 移到右边");
        fixture.Clock.Advance(TimeSpan.FromSeconds(25));
        await teacher.InvokeAsync("AddMarker", id, "检验");
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await teacher.InvokeAsync("PostChat", id, "代入检验");
        fixture.Clock.Advance(TimeSpan.FromSeconds(25));
        await teacher.InvokeAsync("EndLesson", id);
        return id;
    }
}
