using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Classroom.Contracts.Photos;
using Classroom.Gateway.Tests.Fixtures;
using Classroom.Persistence.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using SkiaSharp;

namespace Classroom.Gateway.Tests;

/// <summary>
/// Photo uploads through the API: what is stored and served, what is refused (and then never stored), the headers a
/// photo is served with, who may upload, the per-user limit (what is refused: PhotoTests.Refusals.cs). Each test uploads as an account of its own, so no test
/// spends another's upload allowance.
/// </summary>
public sealed partial class PhotoTests(PhotoGatewayFixture fixture) : IClassFixture<PhotoGatewayFixture>
{
    private const int MaxBytes = 5 * 1024 * 1024;

    private GatewayHost Host => fixture.Host;

    [Fact]
    public async Task A_phone_jpeg_comes_back_re_encoded_upright_without_its_exif_gps_or_comment()
    {
        using var student = await NewMemberAsync();
        var original = TestImages.WithExif(
            TestImages.Jpeg(160, 80, TestImages.Halves(160, SKColors.Red, SKColors.Blue)), orientation: 6, gps: true, comment: "secret-note");

        var (status, uploaded) = await UploadAsync(student, Raw(original, "image/jpeg"));
        var served = await Host.Http.GetByteArrayAsync(uploaded!["url"]!.GetValue<string>());

        using var pixels = TestImages.Decode(served);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((80, 160), (uploaded["width"]!.GetValue<int>(), uploaded["height"]!.GetValue<int>()));
        Assert.Equal((80, 160), (pixels.Width, pixels.Height));
        // Orientation 6 turns the stored picture a quarter turn clockwise: its left (red) half ends up on top.
        Assert.True(pixels.GetPixel(40, 40) is { Red: > 240, Blue: < 16 }, $"top: {pixels.GetPixel(40, 40)}");
        Assert.True(pixels.GetPixel(40, 120) is { Blue: > 240, Red: < 16 }, $"bottom: {pixels.GetPixel(40, 120)}");
        Assert.Equal([0xE1, 0xFE], TestImages.HeaderMarkers(original).Take(2));
        Assert.Equal([0xE0], TestImages.HeaderMarkers(served).Where(m => m is >= 0xE0 and <= 0xEF or 0xFE));
        Assert.Equal(SKEncodedOrigin.TopLeft, TestImages.Orientation(served));
        Assert.False(Contains(served, "Exif"u8), "the served photo carries EXIF");
        Assert.False(Contains(served, "secret-note"u8), "the served photo carries the comment");
    }

    [Fact]
    public async Task A_png_with_transparency_is_served_as_a_jpeg_laid_on_white()
    {
        using var student = await NewMemberAsync();
        var png = TestImages.Png(64, 32, (x, _) => x < 32 ? SKColors.Transparent : SKColors.Red);

        var (status, uploaded) = await UploadAsync(student, Raw(png, "image/png"));
        using var served = await Host.Http.GetAsync(uploaded!["url"]!.GetValue<string>());
        var bytes = await served.Content.ReadAsByteArrayAsync();

        using var pixels = TestImages.Decode(bytes);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        Assert.True(pixels.GetPixel(8, 16) is { Red: > 248, Green: > 248, Blue: > 248 }, $"transparent became {pixels.GetPixel(8, 16)}");
        Assert.True(pixels.GetPixel(56, 16) is { Red: > 240, Green: < 16, Blue: < 16 }, $"red became {pixels.GetPixel(56, 16)}");
    }

    [Fact]
    public async Task A_photo_larger_than_2048_pixels_is_stored_and_served_at_2048_on_its_longest_side()
    {
        using var student = await NewMemberAsync();

        var (status, uploaded) = await UploadAsync(student, Raw(TestImages.Jpeg(3000, 4000), "image/jpeg"));
        var served = await Host.Http.GetByteArrayAsync(uploaded!["url"]!.GetValue<string>());

        using var pixels = TestImages.Decode(served);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((1536, 2048), (uploaded["width"]!.GetValue<int>(), uploaded["height"]!.GetValue<int>()));
        Assert.Equal((1536, 2048), (pixels.Width, pixels.Height));
    }

    [Fact]
    public async Task A_jpeg_with_a_zip_and_a_web_page_appended_is_served_without_them()
    {
        using var student = await NewMemberAsync();
        var jpeg = TestImages.Jpeg(64, 64);
        var zip = ZipHolding("payload.html", "<script>alert(document.cookie)</script>");
        var polyglot = (byte[])[.. jpeg, .. zip, .. "<html><script>alert(1)</script></html>"u8];

        var (status, uploaded) = await UploadAsync(student, Raw(polyglot, "image/jpeg"));
        var served = await Host.Http.GetByteArrayAsync(uploaded!["url"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(Contains(polyglot, "PK\u0003\u0004"u8) && Contains(polyglot, "<script>"u8), "the upload lacks its payload");
        Assert.False(Contains(served, "PK\u0003\u0004"u8), "the served photo carries the ZIP");
        Assert.False(Contains(served, "<script>"u8), "the served photo carries a script");
        Assert.Equal([0xFF, 0xD9], served[^2..]);
        using var pixels = TestImages.Decode(served);
        Assert.Equal((64, 64), (pixels.Width, pixels.Height));
    }

    [Fact]
    public async Task A_browser_form_is_read_from_its_photo_field_whatever_the_file_name_and_type_claim()
    {
        using var teacher = await NewMemberAsync("teacher");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("ignored"), "caption" },
            { Typed(new ByteArrayContent(TestImages.Png(30, 20)), "text/html"), "photo", "homework.html" },
        };

        var storedBefore = await StoredPhotosAsync();

        var (status, uploaded) = await UploadAsync(teacher, form);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(storedBefore + 1, await StoredPhotosAsync());
        Assert.Equal((30, 20), (uploaded!["width"]!.GetValue<int>(), uploaded["height"]!.GetValue<int>()));
        Assert.True(PhotoIdRule.IsValid(uploaded["photoId"]!.GetValue<string>()));
        Assert.Equal($"/api/photos/{uploaded["photoId"]!.GetValue<string>()}", uploaded["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_photo_is_served_to_anyone_with_its_url_as_a_sandboxed_inline_jpeg_cached_for_a_year()
    {
        using var student = await NewMemberAsync();
        var (_, uploaded) = await UploadAsync(student, Raw(TestImages.Jpeg(40, 30), "image/jpeg"));
        var id = uploaded!["photoId"]!.GetValue<string>();
        using var anonymous = Host.CreateClient();

        using var response = await anonymous.GetAsync($"/api/photos/{id}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/photos/{id}") { Headers = { IfNoneMatch = { response.Headers.ETag! } } };
        using var revalidated = await anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("public, max-age=31536000, immutable", Header(response, "Cache-Control"));
        Assert.Equal($"\"{id}\"", Header(response, "ETag"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; sandbox", Header(response, "Content-Security-Policy"));
        Assert.Equal("inline", Header(response, "Content-Disposition"));
        Assert.Equal((await response.Content.ReadAsByteArrayAsync()).Length, response.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("not-a-photo")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA+A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("..%2F..%2Fappsettings.json")]
    public async Task An_unknown_or_malformed_photo_id_is_not_found(string id)
    {
        var path = id == "unknown" ? $"/api/photos/{PhotoIdRule.New()}" : $"/api/photos/{id}";
        using var signedIn = Authorized(await Host.StudentTokenAsync(1));

        var photo = await Host.Http.GetAsync(path);
        var info = await signedIn.GetAsync($"{path}/info");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (photo.StatusCode, info.StatusCode));
        Assert.Equal("photo.not-found", (await photo.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal("photo.not-found", (await info.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_photos_info_names_its_owner_size_and_time_to_signed_in_users_only()
    {
        using var student = await NewMemberAsync();
        var owner = (await student.GetFromJsonAsync<JsonObject>("/api/me"))!["userId"]!.GetValue<string>();
        var before = fixture.Clock.GetUtcNow();
        var (_, uploaded) = await UploadAsync(student, Raw(TestImages.Jpeg(300, 200), "image/jpeg"));
        var url = uploaded!["url"]!.GetValue<string>();
        using var other = Authorized(await Host.TeacherTokenAsync());

        var info = (await other.GetFromJsonAsync<JsonObject>($"{url}/info"))!;
        var anonymous = await Host.Http.GetAsync($"{url}/info");

        Assert.Equal(["photoId", "ownerId", "width", "height", "byteCount", "createdAt"], info.Select(p => p.Key));
        Assert.Equal(uploaded!["photoId"]!.GetValue<string>(), info["photoId"]!.GetValue<string>());
        Assert.Equal((owner, 300, 200), (info["ownerId"]!.GetValue<string>(), info["width"]!.GetValue<int>(), info["height"]!.GetValue<int>()));
        Assert.Equal((await Host.Http.GetByteArrayAsync(url)).Length, info["byteCount"]!.GetValue<int>());
        Assert.InRange(info["createdAt"]!.GetValue<DateTimeOffset>(), before, fixture.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Guests_and_callers_who_are_not_signed_in_cannot_upload()
    {
        var guest = await (await Host.Http.PostAsJsonAsync("/api/accounts/guest", new { displayName = "Grandma" })).Content.ReadFromJsonAsync<JsonObject>();
        using var asGuest = Authorized(guest!["accessToken"]!.GetValue<string>());
        var storedBefore = await StoredPhotosAsync();

        var byGuest = await asGuest.PostAsync("/api/photos", Raw(TestImages.Jpeg(20, 20), "image/jpeg"));
        var byNobody = await Host.Http.PostAsync("/api/photos", Raw(TestImages.Jpeg(20, 20), "image/jpeg"));

        Assert.Equal(HttpStatusCode.Forbidden, byGuest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal(storedBefore, await StoredPhotosAsync());
    }

    [Fact]
    public async Task A_user_may_upload_twenty_photos_in_ten_minutes_and_the_next_gets_a_429_until_the_oldest_leaves_the_window()
    {
        using var student = await NewMemberAsync();
        using var classmate = await NewMemberAsync();
        var photo = TestImages.Png(8, 8);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await UploadAsync(student, Raw(photo, "image/png"))).Status);
        }

        var refused = await student.PostAsync("/api/photos", Raw(photo, "image/png"));
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        var classmateStatus = (await UploadAsync(classmate, Raw(photo, "image/png"))).Status;
        fixture.Clock.Advance(retryAfter);
        var afterWindow = (await UploadAsync(student, Raw(photo, "image/png"))).Status;

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 20), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("photo.rate-limit", problem!["code"]!.GetValue<string>());
        Assert.Equal($"Too many photo uploads: try again in {(int)retryAfter.TotalSeconds} seconds.", problem["detail"]!.GetValue<string>());
        Assert.InRange(retryAfter.TotalSeconds, 1, 600);
        Assert.Equal(HttpStatusCode.Created, classmateStatus);
        Assert.Equal(HttpStatusCode.Created, afterWindow);
    }

    [Fact]
    public async Task A_stored_photo_is_served_the_same_after_the_gateway_restarts()
    {
        var host = await GatewayHost.StartAsync();
        try
        {
            using var student = Authorized(await host.StudentTokenAsync(1), host);
            var (_, uploaded) = await UploadAsync(student, Raw(TestImages.Jpeg(120, 90), "image/jpeg"));
            var url = uploaded!["url"]!.GetValue<string>();
            var before = await host.Http.GetByteArrayAsync(url);
            await host.StopAsync();

            await using var restarted = await host.RestartOnCopyAsync();
            var after = await restarted.Http.GetByteArrayAsync(url);

            Assert.Equal(before, after);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static byte[] ZipHolding(string name, string text)
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry(name).Open());
            entry.Write(text);
        }

        return zip.ToArray();
    }

    private static ByteArrayContent Raw(byte[] bytes, string contentType) => Typed(new ByteArrayContent(bytes), contentType);

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType) =>
        new() { { Typed(new ByteArrayContent(bytes), contentType), "photo", fileName } };

    private static T Typed<T>(T content, string contentType) where T : HttpContent
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name));

    private static async Task<(HttpStatusCode Status, JsonObject? Body)> UploadAsync(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("/api/photos", content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonObject>());
    }

    /// <summary>A client signed in as a new account of <paramref name="kind"/>, with an upload allowance of its own.</summary>
    private async Task<HttpClient> NewMemberAsync(string kind = "student", string language = GatewayHost.TestLanguage)
    {
        var userName = $"photo-{Guid.NewGuid():N}"[..20];
        (await Host.Http.PostAsJsonAsync("/api/accounts", new { userName, password = "photos of homework", displayName = "拍照的人", kind })).EnsureSuccessStatusCode();
        var client = Host.CreateClient(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Host.TokenAsync(userName, "photos of homework"));
        return client;
    }

    private HttpClient Authorized(string token, GatewayHost? host = null)
    {
        var client = (host ?? Host).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Photos in the gateway's storage (its co-hosted silo's database).</summary>
    private async Task<long> StoredPhotosAsync()
    {
        var database = ((SqlGrainStorage)Host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)).Database;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var count = database.Command(connection, [], "SELECT COUNT(*) FROM {schema}.grain_state WHERE grain_type = 'photo'");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
