using Classroom.Gateway.Fanout;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>A page whose access token is about to expire renews it with its refresh token before reconnecting.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TokenRenewalPageTests(BrowserFixture fixture)
{
    private const string ReadRefreshToken = "() => JSON.parse(localStorage.getItem('classroom.session')).refreshToken";

    [Fact]
    public async Task A_page_reconnects_with_a_renewed_token_when_its_token_is_about_to_expire()
    {
        var id = await ScheduleAsync(fixture.Host);
        await using var teacher = await fixture.Host.ConnectAsync(await fixture.Host.TeacherTokenAsync());
        await JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        var page = await fixture.SignInAsync("student2", "student-demo");
        await page.GotoAsync($"/lesson.html?lesson={id}");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        var before = await page.EvaluateAsync<string>(ReadRefreshToken);

        // As if the token had been issued long ago: it ends in 5 s, so the next connection must renew it first.
        await page.EvaluateAsync("() => { const s = JSON.parse(localStorage.getItem('classroom.session')); s.expiresAt = Date.now() + 5000; localStorage.setItem('classroom.session', JSON.stringify(s)); }");
        var renewal = page.WaitForResponseAsync(response => response.Url.EndsWith("/api/accounts/refresh", StringComparison.Ordinal));
        foreach (var viewer in Connections("student2"))
        {
            viewer.Connection.Abort();
        }

        var renewed = await renewal;
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await teacher.InvokeAsync("PostChat", id, "after the renewal");

        await Expect(page.Locator("#chat")).ToContainTextAsync("after the renewal");
        Assert.Equal(200, renewed.Status);
        Assert.NotEqual(before, await page.EvaluateAsync<string>(ReadRefreshToken));
        Assert.Empty(fixture.PageErrors);
    }

    private List<Viewer> Connections(string userId) =>
        [.. fixture.Host.Services.GetRequiredService<ViewerRegistry>().All.Where(v => v.User.UserId == userId)];
}
