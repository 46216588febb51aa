using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Contracts.Slides;
using Classroom.Gateway.Tests.Fixtures;
using UglyToad.PdfPig;
using static Classroom.Gateway.Tests.Fixtures.SlideRequests;

namespace Classroom.Gateway.Tests;

/// <summary>
/// Slide decks through the API: a teacher's PDF is checked, rebuilt, stored, put on the board and served with its
/// headers and ranges (what is refused: SlidesTests.Refusals.cs). Each test uploads as a teacher of its own, to a
/// lesson of its own, so no test spends another's allowance or fills another's board.
/// </summary>
public sealed partial class SlidesTests(SlideGatewayFixture fixture) : IClassFixture<SlideGatewayFixture>
{
    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_teachers_pdf_becomes_a_deck_whose_pages_are_on_the_board_with_its_first_slide_shown()
    {
        using var teacher = await NewAccountAsync(Host);
        var lesson = await ScheduleAsync(teacher);

        var (status, deck) = await UploadAsync(teacher, lesson, Pdf(TestPdfs.Slides(3)), name: "一元一次方程.pdf");
        var board = (await teacher.GetFromJsonAsync<JsonObject>($"/api/lessons/{lesson}"))!["board"]!;

        Assert.Equal(HttpStatusCode.Created, status);
        var deckId = deck!["deckId"]!.GetValue<string>();
        Assert.True(SlideDeckIdRule.IsValid(deckId));
        Assert.Equal(("一元一次方程.pdf", 3, $"/api/slides/{deckId}"), (deck["name"]!.GetValue<string>(), deck["pageCount"]!.GetValue<int>(), deck["url"]!.GetValue<string>()));
        var pageIds = deck["pageIds"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.Equal(3, pageIds.Distinct().Count());
        var slidePages = board["pages"]!.AsArray().Where(p => p!["slide"] is not null).ToList();
        Assert.Equal(pageIds, slidePages.Select(p => p!["pageId"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3], slidePages.Select(p => p!["slide"]!["page"]!.GetValue<int>()));
        Assert.All(slidePages, p => Assert.Equal(deckId, p!["slide"]!["deckId"]!.GetValue<string>()));
        Assert.Equal(pageIds[0], board["currentPageId"]!.GetValue<string>());
        Assert.Equal(deckId, Assert.Single(board["decks"]!.AsArray())!["deckId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_deck_is_served_as_the_rebuilt_pdf_to_anyone_with_its_url_sandboxed_and_cached_for_a_year()
    {
        using var teacher = await NewAccountAsync(Host);
        var (_, deck) = await UploadAsync(teacher, await ScheduleAsync(teacher), Form(TestPdfs.Slides(2), "函数 图像.pdf"));
        var deckId = deck!["deckId"]!.GetValue<string>();
        using var anonymous = Host.CreateClient();

        using var response = await anonymous.GetAsync($"/api/slides/{deckId}");
        var served = await response.Content.ReadAsByteArrayAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/slides/{deckId}") { Headers = { IfNoneMatch = { response.Headers.ETag! } } };
        using var revalidated = await anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("public, max-age=31536000, immutable", Header(response, "Cache-Control"));
        Assert.Equal($"\"{deckId}\"", Header(response, "ETag"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("sandbox", Header(response, "Content-Security-Policy"));
        Assert.Equal("inline; filename*=UTF-8''%E5%87%BD%E6%95%B0%20%E5%9B%BE%E5%83%8F.pdf", Header(response, "Content-Disposition"));
        Assert.Equal("bytes", Header(response, "Accept-Ranges"));
        Assert.Equal(served.Length, response.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        using var pdf = PdfDocument.Open(served);
        Assert.Equal(["Slide 1", "Slide 2"], pdf.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task A_range_of_the_deck_is_served_as_pdf_js_asks_for_it()
    {
        using var teacher = await NewAccountAsync(Host);
        var (_, deck) = await UploadAsync(teacher, await ScheduleAsync(teacher), Pdf(TestPdfs.Slides(5)));
        var url = deck!["url"]!.GetValue<string>();
        var whole = await Host.Http.GetByteArrayAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var response = await Host.Http.SendAsync(request);
        var range = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 100-199/{whole.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(whole[100..200], range);
    }

    [Fact]
    public async Task Scripts_actions_forms_attachments_and_links_of_the_document_are_left_behind_and_the_page_is_kept()
    {
        using var teacher = await NewAccountAsync(Host);
        var hostile = TestPdfs.Hostile();

        var (status, deck) = await UploadAsync(teacher, await ScheduleAsync(teacher), Pdf(hostile));
        var served = await Host.Http.GetByteArrayAsync(deck!["url"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.All(["/OpenAction", "/JavaScript", "/EmbeddedFiles", "/XFA", "/AcroForm", "/Launch", "/Annots", "evil.exe", "calc.exe"],
            name => Assert.True(Contains(hostile, name) && !Contains(served, name), $"{name}: in the upload {Contains(hostile, name)}, served {Contains(served, name)}"));
        using var pdf = PdfDocument.Open(served);
        Assert.Equal("Hello", Assert.Single(pdf.GetPages()).Text);
    }

    [Fact]
    public async Task The_file_name_becomes_the_decks_name_without_its_folders_controls_or_direction_overrides()
    {
        using var teacher = await NewAccountAsync(Host);

        var (_, deck) = await UploadAsync(teacher, await ScheduleAsync(teacher), Form(TestPdfs.Slides(1), "../../etc/第一章\u202Efdp.exe\u0007 .pdf"));

        Assert.Equal("第一章fdp.exe .pdf", deck!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decks_info_names_its_lesson_owner_pages_size_and_hash_to_signed_in_users_only()
    {
        using var teacher = await NewAccountAsync(Host);
        var owner = (await teacher.GetFromJsonAsync<JsonObject>("/api/me"))!["userId"]!.GetValue<string>();
        var lesson = await ScheduleAsync(teacher);
        var (_, deck) = await UploadAsync(teacher, lesson, Pdf(TestPdfs.Slides(4)));
        var url = deck!["url"]!.GetValue<string>();
        using var student = await NewAccountAsync(Host, "student");

        var info = (await student.GetFromJsonAsync<JsonObject>($"{url}/info"))!;
        var anonymous = await Host.Http.GetAsync($"{url}/info");
        var served = await Host.Http.GetByteArrayAsync(url);

        Assert.Equal(["deckId", "classroomId", "ownerId", "name", "pageCount", "byteCount", "sha256", "createdAt"], info.Select(p => p.Key));
        Assert.Equal((lesson, owner, "slides.pdf", 4), (info["classroomId"]!.GetValue<string>(), info["ownerId"]!.GetValue<string>(), info["name"]!.GetValue<string>(), info["pageCount"]!.GetValue<int>()));
        Assert.Equal((served.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(served))), (info["byteCount"]!.GetValue<long>(), info["sha256"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("not-a-deck")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")]
    [InlineData("..%2F..%2Fappsettings.json")]
    public async Task An_unknown_or_malformed_deck_id_is_not_found(string id)
    {
        var path = id == "unknown" ? $"/api/slides/{SlideDeckIdRule.New()}" : $"/api/slides/{id}";

        var deck = await Host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, deck.StatusCode);
        Assert.Equal("slides.not-found", (await deck.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stored_deck_is_served_the_same_after_the_gateway_restarts()
    {
        var host = await GatewayHost.StartAsync();
        try
        {
            using var teacher = await NewAccountAsync(host);
            var (_, deck) = await UploadAsync(teacher, await ScheduleAsync(teacher), Pdf(TestPdfs.Slides(2)));
            var url = deck!["url"]!.GetValue<string>();
            var before = await host.Http.GetByteArrayAsync(url);
            await host.StopAsync();

            await using var restarted = await host.RestartOnCopyAsync();

            Assert.Equal(before, await restarted.Http.GetByteArrayAsync(url));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(needle)) >= 0;

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name));
}
