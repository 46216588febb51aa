using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;
using static Classroom.Gateway.Tests.Fixtures.SlideRequests;

namespace Classroom.Gateway.Tests;

/// <summary>What an upload is refused for, with which status and code, and that nothing refused is stored.</summary>
public sealed partial class SlidesTests
{
    private const int MaxBytes = 30 * 1024 * 1024;

    public static TheoryData<string> RefusedUploads =>
    [
        "a web page named .pdf", "a JPEG named .pdf", "garbage", "a web page before a PDF", "a truncated PDF", "a PDF header before garbage",
        "an encrypted PDF", "a PDF of 201 pages", "a page with a script of its own", "a page 20,000 points wide", "a page 10 points high",
        "a flate bomb", "an empty body", "a form without a file field", "a body over 30 MB", "a body over 30 MB of undeclared length",
    ];

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task An_upload_that_is_not_a_safe_pdf_is_refused_with_its_status_and_code_and_nothing_is_stored(string upload)
    {
        using var teacher = await NewAccountAsync(Host);
        var lesson = await ScheduleAsync(teacher);
        var (content, expectedStatus, expectedCode) = Refused(upload);
        var (blobsBefore, decksBefore) = (await StoredBlobsAsync(Host), await StoredDecksAsync(Host));

        var response = await teacher.PostAsync($"/api/lessons/{lesson}/slides", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var board = (await teacher.GetFromJsonAsync<JsonObject>($"/api/lessons/{lesson}"))!["board"]!;

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expectedCode, problem!["code"]!.GetValue<string>());
        Assert.Equal((blobsBefore, decksBefore), (await StoredBlobsAsync(Host), await StoredDecksAsync(Host)));
        Assert.Empty(board["decks"]!.AsArray());
    }

    [Fact]
    public async Task Students_guests_strangers_and_another_lessons_teacher_may_not_upload_and_nothing_is_stored()
    {
        using var teacher = await NewAccountAsync(Host);
        var lesson = await ScheduleAsync(teacher);
        using var student = await NewAccountAsync(Host, "student");
        using var otherTeacher = await NewAccountAsync(Host);
        var guest = await (await Host.Http.PostAsJsonAsync("/api/accounts/guest", new { displayName = "Grandma" })).Content.ReadFromJsonAsync<JsonObject>();
        using var asGuest = Host.CreateClient();
        asGuest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", guest!["accessToken"]!.GetValue<string>());
        var blobsBefore = await StoredBlobsAsync(Host);

        var byStudent = await UploadAsync(student, lesson, Pdf(TestPdfs.Slides(1)));
        var byOtherTeacher = await UploadAsync(otherTeacher, lesson, Pdf(TestPdfs.Slides(1)));
        var byGuest = await asGuest.PostAsync($"/api/lessons/{lesson}/slides", Pdf(TestPdfs.Slides(1)));
        var byNobody = await Host.Http.PostAsync($"/api/lessons/{lesson}/slides", Pdf(TestPdfs.Slides(1)));
        var toNoLesson = await UploadAsync(teacher, "never-scheduled", Pdf(TestPdfs.Slides(1)));

        Assert.Equal((HttpStatusCode.Forbidden, "lesson.staff-only"), (byStudent.Status, byStudent.Body!["code"]!.GetValue<string>()));
        Assert.Equal("Only the teacher or an assistant may upload slides.", byStudent.Body["detail"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.Forbidden, "lesson.staff-only"), (byOtherTeacher.Status, byOtherTeacher.Body!["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, byGuest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "lesson.not-found"), (toNoLesson.Status, toNoLesson.Body!["code"]!.GetValue<string>()));
        Assert.Equal(blobsBefore, await StoredBlobsAsync(Host));
    }

    [Fact]
    public async Task An_ended_lesson_takes_no_slides()
    {
        using var teacher = await NewAccountAsync(Host);
        var lesson = await ScheduleAsync(teacher);
        var token = teacher.DefaultRequestHeaders.Authorization!.Parameter!;
        await using (var hub = await Host.ConnectAsync(token))
        {
            await Classrooms.JoinAsync(hub, lesson);
            await hub.InvokeAsync("StartLesson", lesson);
            await hub.InvokeAsync("EndLesson", lesson);
        }

        var (status, problem) = await UploadAsync(teacher, lesson, Pdf(TestPdfs.Slides(1)));

        Assert.Equal((HttpStatusCode.Conflict, "lesson.ended-for-action"), (status, problem!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_deck_the_board_has_no_room_left_for_is_refused_with_the_room_and_the_pages_named()
    {
        using var teacher = await NewAccountAsync(Host);
        var lesson = await ScheduleAsync(teacher);
        var first = await UploadAsync(teacher, lesson, Pdf(TestPdfs.Slides(200)));
        var pagesNow = (await teacher.GetFromJsonAsync<JsonObject>($"/api/lessons/{lesson}"))!["board"]!["pages"]!.AsArray().Count;
        var blobsBefore = await StoredBlobsAsync(Host);

        var (status, problem) = await UploadAsync(teacher, lesson, Pdf(TestPdfs.Slides(150)));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode.Conflict, "slides.board-full"), (status, problem!["code"]!.GetValue<string>()));
        Assert.Equal($"The board has room for {300 - pagesNow} more pages; this deck has 150.", problem["detail"]!.GetValue<string>());
        Assert.Equal(blobsBefore, await StoredBlobsAsync(Host));
    }

    [Fact]
    public async Task A_teacher_may_upload_ten_decks_in_ten_minutes_refused_ones_included_and_the_next_gets_a_429_until_the_window_moves()
    {
        using var teacher = await NewAccountAsync(Host);
        var lesson = await ScheduleAsync(teacher);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await UploadAsync(teacher, lesson, Pdf("not a pdf"u8.ToArray()))).Status);
        }

        var refused = await teacher.PostAsync($"/api/lessons/{lesson}/slides", Pdf(TestPdfs.Slides(1)));
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        fixture.Clock.Advance(retryAfter);
        var afterWindow = (await UploadAsync(teacher, lesson, Pdf(TestPdfs.Slides(1)))).Status;

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.UnsupportedMediaType, 10), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("slides.rate-limit", problem!["code"]!.GetValue<string>());
        Assert.Equal($"Too many slide uploads: try again in {(int)retryAfter.TotalSeconds} seconds.", problem["detail"]!.GetValue<string>());
        Assert.InRange(retryAfter.TotalSeconds, 1, 600);
        Assert.Equal(HttpStatusCode.Created, afterWindow);
    }

    [Fact]
    public async Task A_refusal_speaks_chinese_to_a_chinese_client()
    {
        using var teacher = await NewAccountAsync(Host, language: "zh-CN");

        var (status, problem) = await UploadAsync(teacher, await ScheduleAsync(teacher), Pdf(TestPdfs.Encrypted()));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("请求无效", problem!["title"]!.GetValue<string>());
        Assert.Equal("这个 PDF 已加密或设有密码，请另存为不加密的文件后再上传。", problem["detail"]!.GetValue<string>());
    }

    /// <summary>The request of a refused upload case, and the status and code it must get.</summary>
    private static (HttpContent Content, HttpStatusCode Status, string Code) Refused(string upload) => upload switch
    {
        "a web page named .pdf" => (Form(Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"), "lesson.pdf"), HttpStatusCode.UnsupportedMediaType, "slides.not-pdf"),
        "a JPEG named .pdf" => (Form(TestImages.Jpeg(32, 32), "photo.pdf"), HttpStatusCode.UnsupportedMediaType, "slides.not-pdf"),
        "garbage" => (Pdf(Garbage(4096)), HttpStatusCode.UnsupportedMediaType, "slides.not-pdf"),
        "a web page before a PDF" => (Pdf([.. "<html><script>alert(1)</script></html>\n"u8, .. TestPdfs.Slides(1)]), HttpStatusCode.UnsupportedMediaType, "slides.not-pdf"),
        "a truncated PDF" => (Pdf(TestPdfs.Slides(3)[..(TestPdfs.Slides(3).Length / 2)]), HttpStatusCode.BadRequest, "slides.unreadable"),
        "a PDF header before garbage" => (Pdf([.. "%PDF-1.7\n"u8, .. Garbage(4096)]), HttpStatusCode.BadRequest, "slides.unreadable"),
        "an encrypted PDF" => (Pdf(TestPdfs.Encrypted()), HttpStatusCode.BadRequest, "slides.encrypted"),
        "a PDF of 201 pages" => (Pdf(TestPdfs.Slides(201)), HttpStatusCode.BadRequest, "slides.too-many-pages"),
        "a page with a script of its own" => (Pdf(TestPdfs.Hostile(pageScript: true)), HttpStatusCode.BadRequest, "slides.active-content"),
        "a page 20,000 points wide" => (Pdf(TestPdfs.PageOfSize(20_000, 500)), HttpStatusCode.BadRequest, "slides.page-size"),
        "a page 10 points high" => (Pdf(TestPdfs.PageOfSize(500, 10)), HttpStatusCode.BadRequest, "slides.page-size"),
        "a flate bomb" => (Pdf(TestPdfs.FlateBomb()), HttpStatusCode.BadRequest, "slides.too-complex"),
        "an empty body" => (Pdf([]), HttpStatusCode.BadRequest, "slides.empty"),
        "a form without a file field" => (Form(TestPdfs.Slides(1), "a.pdf", field: "photo"), HttpStatusCode.BadRequest, "slides.empty"),
        "a body over 30 MB" => (Pdf(OverTheLimit()), HttpStatusCode.RequestEntityTooLarge, "slides.too-large"),
        "a body over 30 MB of undeclared length" => (new StreamContent(new UnknownLengthStream(OverTheLimit())), HttpStatusCode.RequestEntityTooLarge, "slides.too-large"),
        _ => throw new ArgumentOutOfRangeException(nameof(upload), upload, "no such case"),
    };

    /// <summary>A real PDF followed by padding: one byte over the limit.</summary>
    private static byte[] OverTheLimit()
    {
        var bytes = new byte[MaxBytes + 1];
        TestPdfs.Slides(1).CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x00;
        return bytes;
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked, with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
