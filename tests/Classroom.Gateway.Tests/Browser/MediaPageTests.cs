using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// The teacher goes live from the console with chromium's fake camera and microphone; students' pages play it, a late
/// joiner too, one switches to the sound alone; then the replay at a deep link shows the picture of that moment.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaPageTests(BrowserFixture fixture)
{
    // How long a page may take to show a condition on a loaded two-core machine recording and playing video.
    private static readonly PageWaitForFunctionOptions Patience = new() { Timeout = 60_000, PollingInterval = 200 };

    // What the pages said on their consoles: told when a wait times out.
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Console = new();

    [Fact]
    public async Task The_teacher_goes_live_students_and_a_late_joiner_watch_and_the_replay_shows_the_moment_linked()
    {
        var text = PageText.For("zh-CN");
        var browser = await fixture.FakeDevicesBrowserAsync();
        var id = await Classrooms.ScheduleAsync(fixture.Host, "一元一次方程：直播");
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: "zh-CN", browser: browser);
        await teacher.GotoAsync($"/teach.html?lesson={id}");
        await teacher.Locator("#start").ClickAsync();
        await Expect(teacher.Locator("#lesson-status")).ToHaveTextAsync(text["status.live"]);
        var students = new List<IPage>();
        foreach (var (name, phone) in new[] { ("student1", true), ("student2", false) })
        {
            students.Add(await fixture.SignInAsync(name, "student-demo", phone: phone, language: "zh-CN", browser: browser));
            await students[^1].GotoAsync($"/lesson.html?lesson={id}");
            await Expect(students[^1].Locator("#media-state")).ToHaveTextAsync(text["media.waiting"]);
        }

        // Live: the console says so, counts what it sent, and its preview shows the camera's size.
        await teacher.Locator("#media-camera").ClickAsync();
        await Expect(teacher.Locator("#media-live")).ToHaveTextAsync(text["media.live"]);
        await WaitAsync(teacher, "() => Number(document.querySelector('#media-stats').dataset.sent) >= 2");
        var camera = (Width: int.Parse(await teacher.Locator("#media-preview").GetAttributeAsync("data-width") ?? "0", CultureInfo.InvariantCulture),
            Height: int.Parse(await teacher.Locator("#media-preview").GetAttributeAsync("data-height") ?? "0", CultureInfo.InvariantCulture));
        Assert.True(camera.Width > 0 && camera.Height > 0, $"the fake camera has no size: {camera}");

        foreach (var student in students)
        {
            await AssertPlaysAsync(student, camera);
        }

        // A late joiner starts at the newest segment, near the live edge.
        var late = await fixture.SignInAsync("student3", "student-demo", language: "zh-CN", browser: browser);
        await late.GotoAsync($"/lesson.html?lesson={id}");
        await AssertPlaysAsync(late, camera);
        await WaitAsync(late, "() => /\\d/.test(document.querySelector('#media-delay').textContent)");

        // The teacher hears how far behind the viewers are.
        await WaitAsync(teacher, "() => Number(document.querySelector('#media-lag').dataset.viewers) >= 1");
        await PageText.AssertNoEnglishAsync(teacher);
        await BrowserFixture.ScreenshotAsync(teacher, "media-teacher-zh-CN");
        await BrowserFixture.ScreenshotAsync(students[0], "media-student-phone-zh-CN");

        // Audio only: no picture, the sound plays on.
        var audioOnly = students[1].Locator("#media-audio-only");
        await audioOnly.ClickAsync();
        await Expect(audioOnly).ToHaveAttributeAsync("aria-pressed", "true");
        await WaitAsync(students[1], "() => { const v = document.querySelector('#media-video'); return v.videoWidth === 0 && v.readyState >= 2; }");
        await AssertAdvancesAsync(students[1]);

        // Stopped, then the lesson ends; its replay at a segment's moment shows that moment's picture.
        await teacher.Locator("#media-stop").ClickAsync();
        await Expect(students[0].Locator("#media-state")).ToHaveTextAsync(text["media.ended"]);
        await teacher.Locator("#end").ClickAsync();
        await Expect(teacher.Locator("#lesson-status")).ToHaveTextAsync(text["status.ended"]);
        var moment = await SecondSegmentMiddleAsync(id);
        var replay = students[0];
        await replay.GotoAsync($"/replay.html?lesson={id}&t={(moment / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)}");
        await WaitAsync(replay, 
            "t => { const v = document.querySelector('#media-video'); return v.readyState >= 2 && v.videoWidth > 0 && Math.abs(v.currentTime - t) < 0.6; }", moment / 1000.0);
        Assert.Equal(camera.Width, await replay.EvaluateAsync<int>("() => document.querySelector('#media-video').videoWidth"));
        await BrowserFixture.ScreenshotAsync(replay, "media-replay-phone-zh-CN");

        // Played at 2x, the picture keeps in step with the events' playhead.
        await replay.Locator("#speed").SelectOptionAsync("2");
        await replay.Locator("#play").ClickAsync();
        await WaitAsync(replay, """
            t => { const v = document.querySelector('#media-video'); const playhead = Number(document.querySelector('#scrubber').value) / 1000;
              return v.playbackRate === 2 && !v.paused && v.currentTime > t + 2 && Math.abs(v.currentTime - playhead) < 1; }
            """, moment / 1000.0);
        Assert.Empty(fixture.PageErrors);
    }

    /// <summary>The student's video plays: its time advances, and its picture has the camera's size.</summary>
    private static async Task AssertPlaysAsync(IPage page, (int Width, int Height) camera)
    {
        page.Console += (_, message) => Console.Enqueue($"{page.Url} {message.Type}: {message.Text}");
        await WaitAsync(page, "() => { const v = document.querySelector('#media-video'); return !v.paused && v.readyState >= 2 && v.videoWidth > 0; }");
        Assert.Equal(camera, (await page.EvaluateAsync<int>("() => document.querySelector('#media-video').videoWidth"),
            await page.EvaluateAsync<int>("() => document.querySelector('#media-video').videoHeight")));
        await AssertAdvancesAsync(page);
    }

    /// <summary>Waits for the condition; a timeout says what the page's video was doing.</summary>
    private static async Task WaitAsync(IPage page, string condition, object? argument = null)
    {
        try
        {
            await page.WaitForFunctionAsync(condition, argument, Patience);
        }
        catch (TimeoutException e)
        {
            var state = await page.EvaluateAsync<string>("""
                () => { const v = document.querySelector('#media-video'); const b = [];
                  for (let i = 0; i < v.buffered.length; i++) b.push([v.buffered.start(i), v.buffered.end(i)]);
                  return JSON.stringify({ paused: v.paused, seeking: v.seeking, readyState: v.readyState, currentTime: v.currentTime, width: v.videoWidth, buffered: b,
                    error: v.error?.message, delay: document.querySelector('#media-delay')?.textContent, lag: document.querySelector('#media-lag')?.textContent, state: document.querySelector('#media-state')?.textContent, status: document.querySelector('#status')?.textContent }); }
                """);
            throw new TimeoutException($"{condition} never held on {page.Url}: {state}\n{string.Join('\n', Console)}", e);
        }
    }

    private static async Task AssertAdvancesAsync(IPage page)
    {
        var from = await page.EvaluateAsync<double>("() => document.querySelector('#media-video').currentTime");
        await WaitAsync(page, "t => document.querySelector('#media-video').currentTime > t + 1", from);
    }

    /// <summary>The middle of the lesson's second segment, on the replay's timeline.</summary>
    private async Task<long> SecondSegmentMiddleAsync(string id)
    {
        using var http = fixture.Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Host.StudentTokenAsync(1));
        var segment = (await http.GetFromJsonAsync<JsonObject>($"/api/lessons/{id}/replay/media?from=0&max=2"))!["segments"]!.AsArray()[^1]!;
        return segment["startMillis"]!.GetValue<long>() + segment["durationMillis"]!.GetValue<long>() / 2;
    }
}
