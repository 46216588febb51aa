using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>The replay viewer: deep links, chapters, paced playback, "continue where you left off" (the first in Chinese).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReplayPageTests(BrowserFixture fixture)
{
    /// <summary>The teacher's marker in the middle of the recorded lesson.</summary>
    private const string TrainProblem = "例题 2：火车过桥";

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_deep_link_opens_the_replay_at_that_moment_with_the_chat_and_tally_it_had()
    {
        var (id, markerMillis) = await RecordedLessonAsync();
        var text = PageText.For("zh-CN");
        var page = await fixture.SignInAsync("student1", "student-demo", language: "zh-CN");

        await page.GotoAsync($"/replay.html?lesson={id}&t={(markerMillis / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)}");

        await Expect(page.Locator("#chat li .text")).ToHaveTextAsync(["是 2x + 3 = 11 吗？", "对：先两边同时减 3"]);
        var poll = page.Locator("#polls .poll");
        await Expect(poll.Locator(".badge")).ToHaveTextAsync(text["poll.badge", ("kind", text["poll.poll"]), ("status", text["poll.status.open"])]);
        await Expect(poll.Locator(".voters")).ToHaveTextAsync(text["poll.voters", ("count", 2)]);
        await Expect(poll.Locator("[data-option='0'] .count")).ToHaveTextAsync("1");
        await Expect(poll.Locator("[data-option='1'] .count")).ToHaveTextAsync("1");
        await Expect(page.Locator("#chapters button.current")).ToContainTextAsync(TrainProblem);
        await PageText.AssertNoEnglishAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "replay-zh-CN");

        // Played on from there at 4x, the rest of the lesson arrives: the third vote, the closed poll, the last message.
        await page.Locator("#speed").SelectOptionAsync("4");
        await page.Locator("#play").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(text["replay.end"]);
        await Expect(page.Locator("#chat li .text").Last).ToHaveTextAsync("谢谢大家，下周见");
        await Expect(poll.Locator(".badge")).ToHaveTextAsync(text["poll.badge", ("kind", text["poll.poll"]), ("status", text["poll.status.closed"])]);
        await Expect(poll.Locator(".voters")).ToHaveTextAsync(text["poll.voters", ("count", 3)]);
        await Expect(poll.Locator("[data-option='1'] .count")).ToHaveTextAsync("2");

        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task A_student_continues_where_they_left_off_and_a_bad_link_says_how_to_write_one()
    {
        var (id, markerMillis) = await RecordedLessonAsync();
        var page = await fixture.SignInAsync("student2", "student-demo");
        await page.GotoAsync($"/replay.html?lesson={id}");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");

        await page.Locator("#chapters button", new() { HasText = TrainProblem }).ClickAsync();
        await Expect(page.Locator("#chat li .text")).ToHaveCountAsync(2);
        await page.GotoAsync($"/replay.html?lesson={id}");
        var resume = page.Locator("#resume");
        await Expect(resume).ToContainTextAsync("Continue where you left off");
        await resume.ClickAsync();

        await Expect(page.Locator("#chat li .text")).ToHaveCountAsync(2);
        await Expect(page.Locator("#scrubber")).ToHaveValueAsync(markerMillis.ToString(CultureInfo.InvariantCulture));
        await page.GotoAsync($"/replay.html?lesson={id}&t=soon");
        await Expect(page.Locator("#status")).ToContainTextAsync("write it like 1h10m5s");

        Assert.Empty(fixture.PageErrors);
    }

    /// <summary>
    /// A lesson with a marker in the middle: before it two messages and two votes, after it a third vote, the poll's
    /// close and a last message. Returns the marker's moment on the replay timeline.
    /// </summary>
    private async Task<(string Id, long MarkerMillis)> RecordedLessonAsync()
    {
        var id = await ScheduleAsync(Host, "一元一次方程");
        await using var teacher = await Host.ConnectAsync(await Host.TeacherTokenAsync());
        var students = new List<HubTestClient>();
        try
        {
            await JoinAsync(teacher, id);
            await teacher.InvokeAsync("StartLesson", id);
            for (var n = 1; n <= 3; n++)
            {
                students.Add(await Host.ConnectAsync(await Host.StudentTokenAsync(n)));
                await JoinAsync(students[^1], id);
            }

            await students[0].InvokeAsync("PostChat", id, "是 2x + 3 = 11 吗？");
            await teacher.InvokeAsync("PostChat", id, "对：先两边同时减 3");
            fixture.Clock.Advance(TimeSpan.FromSeconds(90));
            var pollId = (await teacher.InvokeAsync("CreatePoll", id, new { question = "x 等于几？", options = new[] { "3", "4", "5" } }))!.GetValue<string>();
            await students[0].InvokeAsync("Vote", id, pollId, new[] { 0 });
            await students[1].InvokeAsync("Vote", id, pollId, new[] { 1 });
            await teacher.InvokeAsync("AddMarker", id, TrainProblem);
            var marker = await MarkerMillisAsync(id);
            // Deep links name whole milliseconds: what follows the marker must come clearly after it.
            fixture.Clock.Advance(TimeSpan.FromSeconds(2));
            await students[2].InvokeAsync("Vote", id, pollId, new[] { 1 });
            await teacher.InvokeAsync("ClosePoll", id, pollId);
            await teacher.InvokeAsync("PostChat", id, "谢谢大家，下周见");
            await teacher.InvokeAsync("EndLesson", id);
            return (id, marker);
        }
        finally
        {
            foreach (var student in students)
            {
                await student.DisposeAsync();
            }
        }
    }

    private async Task<long> MarkerMillisAsync(string id)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Host.TeacherTokenAsync());
        var replay = (await http.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay"))!["replay"]!;
        return replay["chapters"]!.AsArray().Single(c => c!["label"]!.GetValue<string>() == TrainProblem)!["offsetMillis"]!.GetValue<long>();
    }
}
