using Classroom.Gateway.Fanout;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>A student's page when the gateway drops its connection: it comes back by itself and misses nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_students_page_reconnects_after_the_gateway_drops_it_and_shows_each_message_once()
    {
        var id = await ScheduleAsync(fixture.Host);
        await using var teacher = await fixture.Host.ConnectAsync(await fixture.Host.TeacherTokenAsync());
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        var page = await fixture.SignInAsync("student3", "student-demo");
        await page.GotoAsync($"/lesson.html?lesson={id}");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await teacher.InvokeAsync("PostChat", id, "before the drop");
        await Expect(page.Locator("#chat")).ToContainTextAsync("before the drop");
        var dropped = Connections("student3");

        foreach (var viewer in dropped)
        {
            viewer.Connection.Abort();
        }

        // Sent while the page has no connection: it must get them from the resume, not from live frames.
        await teacher.InvokeAsync("PostChat", id, "during the drop 1");
        await teacher.InvokeAsync("PostChat", id, "during the drop 2");
        await Expect(page.Locator("#chat")).ToContainTextAsync("during the drop 2");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await teacher.InvokeAsync("PostChat", id, "after the drop");

        await Expect(page.Locator("#chat li .text")).ToHaveTextAsync(["before the drop", "during the drop 1", "during the drop 2", "after the drop"]);
        Assert.NotEmpty(dropped);
        Assert.DoesNotContain(Connections("student3"), viewer => dropped.Contains(viewer));
        Assert.NotEmpty(Connections("student3"));

        Assert.Empty(fixture.PageErrors);
    }

    private List<Viewer> Connections(string userId) =>
        [.. fixture.Host.Services.GetRequiredService<ViewerRegistry>().All.Where(v => v.User.UserId == userId)];
}
