using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Contracts.Media;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>What an upload is refused for, with which status and code: nothing refused is stored, and the class sees none of it.</summary>
public sealed partial class MediaTests
{
    public static TheoryData<string> BadSegments =>
    [
        "nothing", "garbage", "a web page", "a Matroska file", "a truncated segment", "a segment whose first video frame is no keyframe",
        "H.264 video", "a picture 8,000 pixels wide", "a size past the end", "a segment over the limit", "a segment over the limit of undeclared length",
        "a duration of 20 seconds",
    ];

    [Theory]
    [MemberData(nameof(BadSegments))]
    public async Task A_bad_segment_is_refused_with_its_code_nothing_is_stored_and_the_class_goes_on(string upload)
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        var (content, duration, status, code) = Bad(upload);

        var refused = await lesson.Http.PostAsync(lesson.Path(1, 0, duration), content);
        var good = await lesson.UploadAsync(2, TestMedia.Segment());
        var events = await lesson.Student.EventsThroughAsync(await LastSeqAsync(lesson));

        await AssertRefusedAsync(refused, status, code);
        Assert.Null(await Blobs.GetInfoAsync(MediaIds.BlobKey(lesson.StreamId, 1, MediaRenditions.AudioVideo), default));
        Assert.Null(await Blobs.GetInfoAsync(MediaIds.BlobKey(lesson.StreamId, 1, MediaRenditions.Audio), default));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal([2L], events.Where(e => Classrooms.Type(e) == "media.segment-added").Select(e => e["data"]!["number"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Students_and_guests_may_not_upload_and_their_bytes_are_never_read_or_stored()
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        using var student = Host.CreateClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Host.StudentTokenAsync(1));
        using var guest = Host.CreateClient();
        var guestToken = (await (await guest.PostAsJsonAsync("/api/accounts/guest", new { displayName = "路人" })).Content.ReadFromJsonAsync<JsonObject>())!;
        guest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", guestToken["accessToken"]!.GetValue<string>());
        using var anonymous = Host.CreateClient();

        var byStudent = await lesson.UploadAsync(1, TestMedia.Segment(), client: student);
        var byGuest = await lesson.UploadAsync(1, TestMedia.Segment(), client: guest);
        var byNobody = await lesson.UploadAsync(1, TestMedia.Segment(), client: anonymous);

        await AssertRefusedAsync(byStudent, HttpStatusCode.Forbidden, "lesson.staff-only");
        await AssertRefusedAsync(byGuest, HttpStatusCode.Forbidden, "lesson.staff-only");
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Null(await Blobs.GetInfoAsync(MediaIds.BlobKey(lesson.StreamId, 1, MediaRenditions.AudioVideo), default));
    }

    [Fact]
    public async Task Nothing_is_taken_before_the_teacher_goes_live_or_after_the_broadcast_or_the_lesson_ended()
    {
        await using var lesson = await LiveLesson.StartAsync(Host, broadcast: false);

        var before = await lesson.UploadAsync(1, TestMedia.Segment());
        await lesson.Teacher.InvokeAsync("StartBroadcast", lesson.Id, "screen", true, false);
        var during = await lesson.UploadAsync(1, TestMedia.Segment());
        await lesson.Teacher.InvokeAsync("EndBroadcast", lesson.Id);
        var stopped = await lesson.UploadAsync(2, TestMedia.Segment());
        await lesson.Teacher.InvokeAsync("StartBroadcast", lesson.Id, "camera", true, true);
        await lesson.Teacher.InvokeAsync("EndLesson", lesson.Id);
        var ended = await lesson.UploadAsync(2, TestMedia.Segment());

        await AssertRefusedAsync(before, HttpStatusCode.Conflict, "media.not-broadcasting");
        Assert.Equal(HttpStatusCode.Created, during.StatusCode);
        await AssertRefusedAsync(stopped, HttpStatusCode.Conflict, "media.not-broadcasting");
        await AssertRefusedAsync(ended, HttpStatusCode.Conflict, "lesson.ended-for-action");
    }

    [Fact]
    public async Task A_refusal_speaks_chinese_to_a_chinese_client()
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        using var chinese = Host.CreateClient("zh-CN");
        chinese.DefaultRequestHeaders.Authorization = lesson.Http.DefaultRequestHeaders.Authorization;

        var response = await lesson.UploadAsync(1, TestMedia.Segment(keyframeFirst: false), client: chinese);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("音视频片段必须以关键帧开头：每个片段请用单独的录制器录制。", problem!["detail"]!.GetValue<string>());
    }

    private static (HttpContent Content, int Duration, HttpStatusCode Status, string Code) Bad(string upload)
    {
        var segment = TestMedia.Segment();
        return upload switch
        {
            "nothing" => (LiveLesson.Content([]), 1000, HttpStatusCode.BadRequest, "media.segment-empty"),
            "garbage" => (LiveLesson.Content([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 + 1))]), 1000, HttpStatusCode.BadRequest, "media.not-webm"),
            "a web page" => (LiveLesson.Content("<html><script>alert(1)</script></html>"u8.ToArray()), 1000, HttpStatusCode.BadRequest, "media.not-webm"),
            "a Matroska file" => (LiveLesson.Content(TestMedia.Segment(docType: "matroska")), 1000, HttpStatusCode.BadRequest, "media.not-webm"),
            "a truncated segment" => (LiveLesson.Content(segment[..(segment.Length - 150)]), 1000, HttpStatusCode.BadRequest, "media.malformed"),
            "a segment whose first video frame is no keyframe" => (LiveLesson.Content(TestMedia.Segment(keyframeFirst: false)), 1000, HttpStatusCode.BadRequest, "media.no-keyframe"),
            "H.264 video" => (LiveLesson.Content(TestMedia.Segment(videoCodec: "V_MPEG4/ISO/AVC")), 1000, HttpStatusCode.BadRequest, "media.unsupported-codec"),
            "a picture 8,000 pixels wide" => (LiveLesson.Content(TestMedia.Segment(width: 8000)), 1000, HttpStatusCode.BadRequest, "media.picture-size"),
            "a size past the end" => (LiveLesson.Content([.. segment, 0xA3, 0x88, 0x81, 0x00]), 1000, HttpStatusCode.BadRequest, "media.malformed"),
            "a segment over the limit" => (LiveLesson.Content(OverTheLimit()), 1000, HttpStatusCode.RequestEntityTooLarge, "media.segment-too-large"),
            "a segment over the limit of undeclared length" => (new StreamContent(new UnknownLengthStream(OverTheLimit())), 1000, HttpStatusCode.RequestEntityTooLarge, "media.segment-too-large"),
            "a duration of 20 seconds" => (LiveLesson.Content(segment), 20_000, HttpStatusCode.BadRequest, "media.duration-range"),
            _ => throw new ArgumentOutOfRangeException(nameof(upload), upload, "no such case"),
        };
    }

    /// <summary>A real segment followed by padding: one byte over the 4 MB limit.</summary>
    private static byte[] OverTheLimit()
    {
        var bytes = new byte[4 * 1024 * 1024 + 1];
        TestMedia.Segment().CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked, with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
