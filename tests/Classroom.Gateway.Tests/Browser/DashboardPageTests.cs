using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>The Orleans dashboard, as an operator opens it: sign in on the schedule, then go to /dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_operator_who_signed_in_on_the_schedule_sees_the_silo_on_the_dashboard()
    {
        var page = await browser.SignInAsync("operator", "operator-demo");

        var response = await page.GotoAsync("/dashboard/");
        await Assertions.Expect(page.GetByText(new Regex("^active silos$", RegexOptions.IgnoreCase))).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, "dashboard");

        Assert.Equal(200, response!.Status);
        Assert.DoesNotContain(browser.PageErrors, e => e.Contains("/dashboard", StringComparison.Ordinal));
    }
}
