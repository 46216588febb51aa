using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Classroom.Contracts.Media;
using Classroom.Gateway.Tests.Fixtures;
using Classroom.Persistence.Blobs;
using Microsoft.Extensions.DependencyInjection;
using static Classroom.Gateway.Tests.Fixtures.Classrooms;

namespace Classroom.Gateway.Tests;

/// <summary>Segment uploads by the teacher, what is stored and announced, and how segments are served.</summary>
[Collection(GatewayCollection.Name)]
public sealed partial class MediaTests(GatewayFixture fixture)
{
    private GatewayHost Host => fixture.Host;

    private IBlobStore Blobs => Host.Services.GetRequiredService<IBlobStore>();

    [Fact]
    public async Task The_teachers_segments_are_stored_announced_in_order_and_in_the_snapshot_a_joiner_gets()
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        var first = TestMedia.Segment();
        var second = TestMedia.Segment(clusters: 3);

        var one = await lesson.UploadAsync(1, first, offset: 0, duration: 1000);
        var two = await lesson.UploadAsync(2, second, offset: 1000, duration: 1000);
        var events = await lesson.Student.EventsThroughAsync(await LastSeqAsync(lesson));
        var joined = await JoinAsync(await Host.ConnectAsync(await Host.StudentTokenAsync(2)), lesson.Id);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (one.StatusCode, two.StatusCode));
        var added = events.Where(e => Type(e) == "media.segment-added").Select(e => e["data"]!).ToList();
        Assert.Equal([1L, 2L], added.Select(d => d["number"]!.GetValue<long>()));
        Assert.Equal(added[0]["startMillis"]!.GetValue<long>() + 1000, added[1]["startMillis"]!.GetValue<long>());
        Assert.Equal(("vp8,opus", 640, 480, first.Length), (added[0]["codecs"]!.GetValue<string>(), added[0]["width"]!.GetValue<int>(),
            added[0]["height"]!.GetValue<int>(), added[0]["bytes"]!.GetValue<int>()));
        var media = joined["snapshot"]!["media"]!;
        Assert.Equal((lesson.StreamId, true, "camera"), (media["streamId"]!.GetValue<string>(), media["live"]!.GetValue<bool>(), media["source"]!.GetValue<string>()));
        Assert.Equal([1L, 2L], media["segments"]!.AsArray().Select(s => s!["number"]!.GetValue<long>()));
        Assert.Equal(first, await Blobs.ReadAllAsync(MediaIds.BlobKey(lesson.StreamId, 1, MediaRenditions.AudioVideo), default));
    }

    [Fact]
    public async Task A_segment_is_served_without_a_token_immutable_with_its_hash_as_etag_and_in_ranges()
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        var bytes = TestMedia.Segment();
        await lesson.UploadAsync(1, bytes);
        using var anonymous = Host.CreateClient();
        var url = MediaIds.Url(lesson.StreamId, 1, MediaRenditions.AudioVideo);

        using var whole = await anonymous.GetAsync(url);
        using var range = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(0, 3) } };
        using var part = await anonymous.SendAsync(range);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { whole.Headers.ETag! } } };
        using var unchanged = await anonymous.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/webm", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", whole.Headers.CacheControl!.ToString());
        Assert.Equal($"\"{BlobInfo.Hash(bytes)}\"", whole.Headers.ETag!.Tag);
        Assert.Equal("nosniff", whole.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }, await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Fact]
    public async Task The_audio_rendition_is_the_sound_alone_with_the_same_timestamps()
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        var bytes = TestMedia.Segment(frameBytes: 2000);
        await lesson.UploadAsync(1, bytes);
        using var anonymous = Host.CreateClient();

        using var response = await anonymous.GetAsync(MediaIds.Url(lesson.StreamId, 1, MediaRenditions.Audio));
        var audio = await response.Content.ReadAsByteArrayAsync();
        var upload = await lesson.UploadAsync(2, audio);

        Assert.Equal("audio/webm", response.Content.Headers.ContentType!.MediaType);
        Assert.InRange(audio.Length, 1, bytes.Length / 3);
        // What the gateway cut is itself a segment it accepts: sound only, Opus.
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var segment = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["segment"]!;
        Assert.Equal(("opus", 0, audio.Length), (segment["codecs"]!.GetValue<string>(), segment["width"]!.GetValue<int>(), segment["audioBytes"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_retried_upload_is_announced_once_and_other_bytes_under_a_used_number_are_refused()
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        var bytes = TestMedia.Segment();

        var first = await lesson.UploadAsync(1, bytes);
        var again = await lesson.UploadAsync(1, bytes);
        var other = await lesson.UploadAsync(1, TestMedia.Segment(clusters: 1));
        var skipped = await lesson.UploadAsync(5, bytes);
        var back = await lesson.UploadAsync(3, bytes);
        var events = await lesson.Student.EventsThroughAsync(await LastSeqAsync(lesson));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        await AssertRefusedAsync(other, HttpStatusCode.Conflict, "media.number-used");
        Assert.Equal(HttpStatusCode.Created, skipped.StatusCode);
        await AssertRefusedAsync(back, HttpStatusCode.Conflict, "media.number-order");
        Assert.Equal([1L, 5L], events.Where(e => Type(e) == "media.segment-added").Select(e => e["data"]!["number"]!.GetValue<long>()));
    }

    [Fact]
    public async Task An_unknown_segment_and_anything_that_is_not_a_segment_url_are_not_found()
    {
        await using var lesson = await LiveLesson.StartAsync(Host);
        await lesson.UploadAsync(1, TestMedia.Segment());
        using var anonymous = Host.CreateClient();

        foreach (var url in new[]
        {
            MediaIds.Url(lesson.StreamId, 2, MediaRenditions.AudioVideo), MediaIds.Url(MediaIds.NewStreamId(), 1, MediaRenditions.AudioVideo),
            $"/api/media/{lesson.StreamId}/video/1.webm", "/api/media/..%2F..%2Fclassroom/av/1.webm", $"/api/media/{lesson.StreamId}/av/0.webm",
        })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static async Task<long> LastSeqAsync(LiveLesson lesson) =>
        (await lesson.Http.GetFromJsonAsync<JsonObject>($"/api/lessons/{lesson.Id}"))!["seq"]!.GetValue<long>();

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((status, code), (response.StatusCode, problem!["code"]!.GetValue<string>()));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
