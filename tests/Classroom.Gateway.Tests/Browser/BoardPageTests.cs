using System.Globalization;
using System.Net.Http.Json;
using Classroom.Gateway.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// The whiteboard in the pages, in Chinese: the teacher draws with the mouse and turns pages while students watch; the
/// students' boards say the same page and stroke count and hold the same pixels (two watchers and a late joiner, at one
/// window size); a stroke grows on a student's screen before the pen is lifted; the pen handed to a student and taken
/// back; the eraser; the board of a replay at a deep link.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardPageTests(BrowserFixture fixture)
{
    private static readonly PageText Text = PageText.For("zh-CN");

    /// <summary>A digest of every layer of the board's canvas: equal digests, equal pixels.</summary>
    private const string Digest = """
        () => {
          const s = [...document.querySelectorAll('#board-stage canvas')].map(c => `${c.width}x${c.height}:${c.toDataURL()}`).join('|');
          let h = 2166136261;
          for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
          return `${(h >>> 0).toString(16)}/${s.length}`;
        }
        """;

    [Fact]
    public async Task The_teacher_draws_and_turns_pages_and_every_student_sees_the_same_board()
    {
        var (id, teacher) = await LiveLessonAsync();
        var first = await JoinAsync("student1", id);
        var second = await JoinAsync("student2", id);
        // Nobody has used the board yet: watchers see a line saying so, not an empty page.
        await Expect(first.Locator("#board-empty")).ToHaveTextAsync(Text["board.empty"]);
        await Expect(first.Locator("#board-stage")).ToBeHiddenAsync();

        // A pen stroke, a red rectangle, a text and a highlighter, with the mouse.
        await DrawAsync(teacher, (0.10, 0.20), (0.20, 0.35), (0.30, 0.25), (0.40, 0.40));
        await Tool(teacher, "rectangle").ClickAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = Text["board.color.red"], Exact = true }).ClickAsync();
        await DrawAsync(teacher, (0.55, 0.15), (0.85, 0.45));
        await Tool(teacher, "text").ClickAsync();
        await ClickAsync(teacher, 0.10, 0.60);
        await teacher.GetByRole(AriaRole.Textbox, new() { Name = Text["board.textInput"] }).FillAsync("2x + 3 = 11");
        await teacher.Keyboard.PressAsync("Enter");
        // A highlighter over the text: translucent, so drawing it twice (the drawer's copy and the server's) would show.
        await Tool(teacher, "highlighter").ClickAsync();
        await DrawAsync(teacher, (0.08, 0.64), (0.35, 0.64));
        foreach (var page in new[] { teacher, first, second })
        {
            await ExpectBoardAsync(page, 1, 1, 4);
        }

        await Expect(first.Locator("#board-empty")).ToBeHiddenAsync();
        var drawn = await DigestAsync(first);
        Assert.Equal(drawn, await DigestAsync(second));
        // The teacher's board is as wide as theirs: what the teacher drew (shown at once, then confirmed) is drawn once.
        Assert.Equal(drawn, await DigestAsync(teacher));
        await CheckChineseAsync(teacher);
        await BrowserFixture.ScreenshotAsync(teacher, "board-zh-CN");

        // A new page is shown to everyone, blank; a line on it; then back to the first page, as it was.
        await teacher.GetByRole(AriaRole.Button, new() { Name = Text["board.addPage"] }).ClickAsync();
        await ExpectBoardAsync(first, 2, 2, 0);
        await ExpectBoardAsync(second, 2, 2, 0);
        var blank = await DigestAsync(first);
        Assert.Equal(blank, await DigestAsync(second));
        Assert.NotEqual(blank, drawn);
        await Tool(teacher, "line").ClickAsync();
        await DrawAsync(teacher, (0.20, 0.50), (0.80, 0.50));
        await ExpectBoardAsync(first, 2, 2, 1);
        await ExpectBoardAsync(second, 2, 2, 1);
        Assert.Equal(await DigestAsync(first), await DigestAsync(second));
        await teacher.GetByRole(AriaRole.Button, new() { Name = Text["board.page", ("page", 1)], Exact = true }).ClickAsync();
        await ExpectBoardAsync(first, 1, 2, 4);
        await ExpectBoardAsync(second, 1, 2, 4);
        Assert.Equal(drawn, await DigestAsync(first));
        Assert.Equal(drawn, await DigestAsync(second));

        // Someone who joins now gets the board from the snapshot, drawn to the same pixels.
        var late = await JoinAsync("student3", id);
        await ExpectBoardAsync(late, 1, 2, 4);
        Assert.Equal(drawn, await DigestAsync(late));
        await CheckChineseAsync(late);
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task A_student_sees_a_stroke_grow_before_the_pen_is_lifted_and_the_laser_pointer_move()
    {
        var (id, teacher) = await LiveLessonAsync();
        var student = await JoinAsync("student1", id);
        var box = await CanvasBoxAsync(teacher);
        var blank = await DigestAsync(student);

        // The mouse is held down throughout: whatever the student sees comes from a stroke not yet ended.
        await teacher.Mouse.MoveAsync(box.X + box.Width * 0.1f, box.Y + box.Height * 0.5f);
        await teacher.Mouse.DownAsync();
        await teacher.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height * 0.4f, new() { Steps = 8 });
        await ExpectBoardAsync(student, 1, 1, 1);
        await student.WaitForFunctionAsync($"before => ({Digest})() !== before", blank);
        var growing = await DigestAsync(student);
        await teacher.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height * 0.6f, new() { Steps = 8 });
        await student.WaitForFunctionAsync($"before => ({Digest})() !== before", growing);
        await teacher.Mouse.UpAsync();
        await ExpectBoardAsync(student, 1, 1, 1);

        // The laser pointer: a dot where the teacher's mouse is, gone a second after it stops.
        await Tool(teacher, "laser").ClickAsync();
        await teacher.Mouse.MoveAsync(box.X + box.Width * 0.45f, box.Y + box.Height * 0.75f);
        await teacher.Mouse.MoveAsync(box.X + box.Width * 0.5f, box.Y + box.Height * 0.75f, new() { Steps = 5 });
        var dot = student.Locator("#board-stage .laser.on");
        await Expect(dot).ToHaveCountAsync(1);
        // The last position arrives last: the dot ends half-way across.
        await student.WaitForFunctionAsync("() => Math.abs(parseFloat(document.querySelector('#board-stage .laser').style.left) - 50) <= 1");
        await Expect(dot).ToHaveCountAsync(0);
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task A_student_handed_the_pen_draws_for_the_class_until_it_is_taken_back()
    {
        var (id, teacher) = await LiveLessonAsync();
        var student = await JoinAsync("student1", id, phone: true);
        var toolbar = student.Locator("#board-tools");
        await Expect(toolbar).ToBeHiddenAsync();

        // Students who are not registered are not listed as present (and go by their user id): a raised hand is how one
        // asks for the pen.
        await student.Locator("#hand").ClickAsync();
        await teacher.Locator("#hands").GetByRole(AriaRole.Button, new() { Name = ForWhom("board.givePen", "student1") }).ClickAsync();
        await Expect(student.Locator("#board-pen")).ToContainTextAsync(Text["board.youHaveThePen"]);
        await Expect(toolbar).ToBeVisibleAsync();
        await DrawAsync(student, (0.20, 0.30), (0.40, 0.60), (0.70, 0.40));
        await ExpectBoardAsync(teacher, 1, 1, 1);
        await CheckChineseAsync(student);
        await BrowserFixture.ScreenshotAsync(student, "board-phone-zh-CN");

        await teacher.Locator("#board-holders").GetByRole(AriaRole.Button, new() { Name = ForWhom("board.takePen", "student1") }).ClickAsync();
        await Expect(toolbar).ToBeHiddenAsync();
        await Expect(student.Locator("#board-pen")).ToBeHiddenAsync();

        // Handed again, and given back by the student.
        await teacher.Locator("#hands").GetByRole(AriaRole.Button, new() { Name = ForWhom("board.givePen", "student1") }).ClickAsync();
        await student.GetByRole(AriaRole.Button, new() { Name = Text["board.giveBack"] }).ClickAsync();
        await Expect(toolbar).ToBeHiddenAsync();
        await Expect(teacher.Locator("#hands").GetByRole(AriaRole.Button, new() { Name = ForWhom("board.givePen", "student1") })).ToBeVisibleAsync();
        await Expect(teacher.Locator("#board-holders")).ToBeHiddenAsync();
        await ExpectBoardAsync(student, 1, 1, 1);
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task The_eraser_rubs_a_stroke_out_for_everyone()
    {
        var (id, teacher) = await LiveLessonAsync();
        var student = await JoinAsync("student1", id);
        await DrawAsync(teacher, (0.10, 0.30), (0.45, 0.30));
        await Tool(teacher, "ellipse").ClickAsync();
        await DrawAsync(teacher, (0.60, 0.60), (0.90, 0.90));
        await ExpectBoardAsync(student, 1, 1, 2);

        // Dragged across the first stroke only.
        await Tool(teacher, "eraser").ClickAsync();
        await DrawAsync(teacher, (0.25, 0.20), (0.25, 0.40));
        await ExpectBoardAsync(student, 1, 1, 1);
        await ExpectBoardAsync(teacher, 1, 1, 1);

        // Clearing the page (after the confirmation) leaves nothing.
        await teacher.GetByRole(AriaRole.Button, new() { Name = Text["board.clearPage"] }).ClickAsync();
        await ExpectBoardAsync(student, 1, 1, 0);
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task A_replay_at_a_deep_link_shows_the_board_as_it_was_then_and_strokes_grow_as_it_plays()
    {
        var (id, marker) = await RecordedBoardAsync();
        var page = await fixture.SignInAsync("student2", "student-demo", language: "zh-CN");

        // At the marker: the rectangle and the first two points of the stroke; the text came later.
        await page.GotoAsync($"/replay.html?lesson={id}&t={Seconds(marker)}");
        await ExpectBoardAsync(page, 1, 1, 2);
        var atMarker = await DigestAsync(page);
        await CheckChineseAsync(page);

        // Two seconds on the stroke has grown, and it is still the same two strokes.
        await page.GotoAsync($"/replay.html?lesson={id}&t={Seconds(marker + 2_500)}");
        await ExpectBoardAsync(page, 1, 1, 2);
        Assert.NotEqual(atMarker, await DigestAsync(page));

        // Played from the marker to the end, the text arrives.
        await page.GotoAsync($"/replay.html?lesson={id}&t={Seconds(marker)}");
        await ExpectBoardAsync(page, 1, 1, 2);
        await page.Locator("#speed").SelectOptionAsync("4");
        await page.Locator("#play").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(Text["replay.end"]);
        await ExpectBoardAsync(page, 1, 1, 3);
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task A_PDF_the_teacher_uploads_becomes_slide_pages_drawn_at_the_PDFs_aspect_for_every_student()
    {
        var (id, teacher) = await LiveLessonAsync();
        var student = await JoinAsync("student1", id);
        var fetches = 0;
        student.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/slides/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref fetches);
            }
        };

        // Through the console's upload control, as a teacher does: the PDF is checked, rebuilt and stored by the gateway.
        var chooser = teacher.WaitForFileChooserAsync();
        await teacher.Locator("#slides-upload").ClickAsync();
        await (await chooser).SetFilesAsync(new FilePayload { Name = "一元一次方程.pdf", MimeType = "application/pdf", Buffer = TestPdfs.BlueRectangle(400, 300) });

        await Expect(teacher.Locator("#status")).ToContainTextAsync("一元一次方程.pdf");
        foreach (var page in new[] { teacher, student })
        {
            await ExpectBoardAsync(page, 2, 2, 0);
            // Drawn at 4:3, and blue in the middle where the PDF's rectangle is.
            await page.WaitForFunctionAsync("""
                () => {
                  const slide = document.querySelector('#board-stage canvas.board-slide');
                  const [r, g, b] = slide.getContext('2d').getImageData(slide.width / 2, slide.height / 2, 1, 1).data;
                  return Math.abs(slide.width / slide.height - 4 / 3) < 0.01 && r < 40 && g < 40 && b > 200;
                }
                """);
        }

        await Expect(teacher.Locator("#board-pages button[aria-current='true']")).ToHaveAttributeAsync("aria-label", Text["board.slidePage", ("page", 2)]);
        // Back to the blank page and to the slide again: the student's page does not fetch the PDF again.
        await teacher.GetByRole(AriaRole.Button, new() { Name = Text["board.page", ("page", 1)], Exact = true }).ClickAsync();
        await ExpectBoardAsync(student, 1, 2, 0);
        await teacher.GetByRole(AriaRole.Button, new() { Name = Text["board.slidePage", ("page", 2)], Exact = true }).ClickAsync();
        await ExpectBoardAsync(student, 2, 2, 0);
        Assert.Equal(1, fetches);
        Assert.Empty(fixture.PageErrors);
    }

    /// <summary>
    /// A lesson drawn through the hub on the gateway's clock: a rectangle; a stroke begun, then a marker; 2 s later
    /// more of the stroke, 1 s later its end, 1 s later a text. Returns the marker's moment on the replay's timeline.
    /// </summary>
    private async Task<(string Id, long MarkerMillis)> RecordedBoardAsync()
    {
        var id = await Classrooms.ScheduleAsync(fixture.Host, "一元一次方程");
        await using var teacher = await fixture.Host.ConnectAsync(await fixture.Host.TeacherTokenAsync());
        await Classrooms.JoinAsync(teacher, id);
        await teacher.InvokeAsync("StartLesson", id);
        await teacher.InvokeAsync("DrawShape", id, new { strokeId = "r1", pageId = "p1", tool = "rectangle", color = "#d0021b", width = 50, points = new[] { 1000, 1000, 4000, 4000 }, text = (string?)null });
        await teacher.InvokeAsync("StartStroke", id, new { strokeId = "s1", pageId = "p1", tool = "pen", color = "#1d1d1d", width = 50, points = new[] { 5000, 5000, 5500, 5200 } });
        await teacher.InvokeAsync("AddMarker", id, "画线");
        var marker = await MarkerMillisAsync(id, "画线");
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        await teacher.InvokeAsync("ExtendStroke", id, "s1", new[] { 6000, 5600, 7000, 6000, 8000, 5000 });
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await teacher.InvokeAsync("EndStroke", id, "s1", new[] { 8500, 4500 });
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await teacher.InvokeAsync("DrawShape", id, new { strokeId = "t1", pageId = "p1", tool = "text", color = "#1f5fd1", width = 50, points = new[] { 1000, 7000 }, text = "x = 4" });
        await teacher.InvokeAsync("EndLesson", id);
        return (id, marker);
    }

    private async Task<long> MarkerMillisAsync(string id, string label)
    {
        using var http = fixture.Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Host.TeacherTokenAsync());
        var replay = (await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/lessons/{id}/replay"))!["replay"]!;
        return replay["chapters"]!.AsArray().Single(c => c!["label"]!.GetValue<string>() == label)!["offsetMillis"]!.GetValue<long>();
    }

    /// <summary>A lesson the teacher has started from the console, which is left open on the board.</summary>
    private async Task<(string Id, IPage Teacher)> LiveLessonAsync()
    {
        var id = await Classrooms.ScheduleAsync(fixture.Host, "一元一次方程");
        var teacher = await fixture.SignInAsync("teacher", "teacher-demo", language: "zh-CN");
        await teacher.GotoAsync($"/teach.html?lesson={id}");
        await teacher.Locator("#start").ClickAsync();
        await Expect(teacher.Locator("#lesson-status [data-status='live']")).ToBeVisibleAsync();
        await Expect(teacher.Locator("#board-tools")).ToBeVisibleAsync();
        return (id, teacher);
    }

    private async Task<IPage> JoinAsync(string userName, string id, bool phone = false)
    {
        var page = await fixture.SignInAsync(userName, "student-demo", phone, language: "zh-CN");
        await page.GotoAsync($"/lesson.html?lesson={id}");
        await Expect(page.Locator("#connection")).ToHaveTextAsync(Text["connection.connected"]);
        return page;
    }

    private static string ForWhom(string action, string name) => Text["console.forWhom", ("action", Text[action]), ("name", name)];

    private static ILocator Tool(IPage page, string tool) => page.Locator($"#board-tools button[data-tool='{tool}']");

    private static ILocator Canvas(IPage page) => page.Locator("#board canvas[role=img]");

    /// <summary>The board says which page of how many and how many strokes (its canvas's accessible name).</summary>
    private static Task ExpectBoardAsync(IPage page, int number, int pages, int strokes) =>
        Expect(Canvas(page)).ToHaveAttributeAsync("aria-label", Text["board.label", ("page", number), ("pages", pages), ("count", strokes)]);

    private static Task<string> DigestAsync(IPage page) => page.EvaluateAsync<string>(Digest);

    private static async Task<LocatorBoundingBoxResult> CanvasBoxAsync(IPage page)
    {
        await Canvas(page).ScrollIntoViewIfNeededAsync();
        return (await Canvas(page).BoundingBoxAsync())!;
    }

    /// <summary>Presses the mouse at the first point (fractions of the board), moves through the others and lets go.</summary>
    private static async Task DrawAsync(IPage page, params (double X, double Y)[] path)
    {
        var box = await CanvasBoxAsync(page);
        float X(double x) => box.X + (float)(box.Width * x);
        float Y(double y) => box.Y + (float)(box.Height * y);
        await page.Mouse.MoveAsync(X(path[0].X), Y(path[0].Y));
        await page.Mouse.DownAsync();
        foreach (var (x, y) in path.Skip(1))
        {
            await page.Mouse.MoveAsync(X(x), Y(y), new() { Steps = 6 });
        }

        await page.Mouse.UpAsync();
    }

    private static async Task ClickAsync(IPage page, double x, double y)
    {
        var box = await CanvasBoxAsync(page);
        await page.Mouse.ClickAsync(box.X + (float)(box.Width * x), box.Y + (float)(box.Height * y));
    }

    private static async Task CheckChineseAsync(IPage page)
    {
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await PageText.AssertNoEnglishAsync(page);
    }

    private static string Seconds(long millis) => (millis / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
