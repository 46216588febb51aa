using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>What an upload is refused for, with which status and code, and that nothing refused is stored.</summary>
public sealed partial class PhotoTests
{
    public static TheoryData<string> RefusedUploads =>
    [
        "a web page named .jpg", "an SVG with a script", "a script", "a GIF", "garbage", "a truncated JPEG", "a truncated PNG",
        "a JPEG signature before a web page", "a PNG declaring 50,000 × 50,000 pixels", "a JPEG declaring 60,000 × 60,000 pixels",
        "a PNG 12,000 pixels wide", "an empty body", "a form without a photo field", "a body over 5 MB",
        "a body over 5 MB of undeclared length", "a form whose photo is over 5 MB",
    ];

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task An_upload_that_is_not_a_safe_photo_is_refused_with_its_status_and_code_and_nothing_is_stored(string upload)
    {
        using var student = await NewMemberAsync();
        var (content, expectedStatus, expectedCode) = Refused(upload);
        var storedBefore = await StoredPhotosAsync();

        var response = await student.PostAsync("/api/photos", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expectedCode, problem!["code"]!.GetValue<string>());
        Assert.Equal(storedBefore, await StoredPhotosAsync());
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_with_the_limits_named()
    {
        using var student = await NewMemberAsync();
        var bomb = TestImages.PngBomb(50_000, 50_000);

        var response = await student.PostAsync("/api/photos", Raw(bomb, "image/png"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.InRange(bomb.Length, 1, 10_000);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("photo.too-many-pixels", problem!["code"]!.GetValue<string>());
        Assert.Equal("A photo has at most 40 million pixels and 10000 pixels on a side; this one is 50000 × 50000.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refusal_speaks_chinese_to_a_chinese_client()
    {
        using var student = await NewMemberAsync(language: "zh-CN");

        var response = await student.PostAsync("/api/photos", Raw(TestImages.Gif(), "image/gif"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("请求无效", problem!["title"]!.GetValue<string>());
        Assert.Equal("只能上传 JPEG 或 PNG 格式的照片。", problem["detail"]!.GetValue<string>());
    }

    /// <summary>The request of a refused upload case, and the status and code it must get.</summary>
    private static (HttpContent Content, HttpStatusCode Status, string Code) Refused(string upload) => upload switch
    {
        "a web page named .jpg" => (Form(Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"), "homework.jpg", "image/jpeg"), HttpStatusCode.UnsupportedMediaType, "photo.unsupported-type"),
        "an SVG with a script" => (Raw(Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""), "image/jpeg"), HttpStatusCode.UnsupportedMediaType, "photo.unsupported-type"),
        "a script" => (Form(Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), "photo.png", "image/png"), HttpStatusCode.UnsupportedMediaType, "photo.unsupported-type"),
        "a GIF" => (Raw(TestImages.Gif(), "image/jpeg"), HttpStatusCode.UnsupportedMediaType, "photo.unsupported-type"),
        "garbage" => (Raw(Garbage(4096), "image/jpeg"), HttpStatusCode.UnsupportedMediaType, "photo.unsupported-type"),
        "a truncated JPEG" => (Raw(FirstHalf(TestImages.Jpeg(200, 200)), "image/jpeg"), HttpStatusCode.BadRequest, "photo.unreadable"),
        "a truncated PNG" => (Raw(FirstHalf(TestImages.Png(200, 200)), "image/png"), HttpStatusCode.BadRequest, "photo.unreadable"),
        "a JPEG signature before a web page" => (Raw([0xFF, 0xD8, 0xFF, .. "<html><script>alert(1)</script></html>"u8], "image/jpeg"), HttpStatusCode.BadRequest, "photo.unreadable"),
        "a PNG declaring 50,000 × 50,000 pixels" => (Raw(TestImages.PngBomb(50_000, 50_000), "image/png"), HttpStatusCode.BadRequest, "photo.too-many-pixels"),
        "a JPEG declaring 60,000 × 60,000 pixels" => (Raw(TestImages.WithDeclaredSize(TestImages.Jpeg(16, 16), 60_000, 60_000), "image/jpeg"), HttpStatusCode.BadRequest, "photo.too-many-pixels"),
        "a PNG 12,000 pixels wide" => (Raw(TestImages.Png(12_000, 1), "image/png"), HttpStatusCode.BadRequest, "photo.too-many-pixels"),
        "an empty body" => (Raw([], "image/jpeg"), HttpStatusCode.BadRequest, "photo.empty"),
        "a form without a photo field" => (new MultipartFormDataContent { { new ByteArrayContent(TestImages.Jpeg(20, 20)), "picture", "a.jpg" } }, HttpStatusCode.BadRequest, "photo.empty"),
        "a body over 5 MB" => (Raw(OverTheLimit(), "image/jpeg"), HttpStatusCode.RequestEntityTooLarge, "photo.too-large"),
        "a body over 5 MB of undeclared length" => (new StreamContent(new UnknownLengthStream(OverTheLimit())), HttpStatusCode.RequestEntityTooLarge, "photo.too-large"),
        "a form whose photo is over 5 MB" => (Form(OverTheLimit(), "big.jpg", "image/jpeg"), HttpStatusCode.RequestEntityTooLarge, "photo.too-large"),
        _ => throw new ArgumentOutOfRangeException(nameof(upload), upload, "no such case"),
    };

    /// <summary>A real JPEG followed by padding: one byte over the limit.</summary>
    private static byte[] OverTheLimit()
    {
        var bytes = new byte[MaxBytes + 1];
        TestImages.Jpeg(16, 16).CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] FirstHalf(byte[] image) => image[..(image.Length / 2)];

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
