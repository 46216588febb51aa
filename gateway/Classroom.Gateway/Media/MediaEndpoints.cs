using Classroom.Contracts.Errors;
using Classroom.Contracts.Media;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Persistence.Blobs;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Media;

/// <summary>
/// Lesson media over HTTP (docs/media.md): the sender's uploads, each checked whole before it is stored and announced;
/// the segments, served to anyone with their URL (the stream id is the capability) as immutable, cacheable files with
/// range support, so a CDN in front can carry them to any number of viewers; and the replay's list of segments.
/// </summary>
public static class MediaEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>Opened directly, a segment plays as media and runs nothing: it is not a page.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; media-src 'self'; sandbox";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/lessons/{id}/media/segments/{number:long}", UploadAsync).WithTags("Media").RequireAuthorization()
            .RequireRateLimiting(MediaUploadLimit.Policy)
            .Produces<MediaSegmentUploaded>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapGet("/api/lessons/{id}/replay/media", (string id, long? from, int? max, HttpContext context, IClusterClient client) =>
            client.GetGrain<IReplayMedia>(ClassroomIds.Checked(id)).GetSegmentsAsync(CurrentUser.From(context.User).UserId, from ?? 0, max ?? 100))
            .WithTags("Replay").RequireAuthorization();
        app.MapGet("/api/media/{streamId}/{rendition}/{number:long}.webm", GetAsync).WithTags("Media").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "video/webm").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// <c>?offset=</c> is when the sender began recording the segment, in milliseconds since its broadcast began, and
    /// <c>?duration=</c> how long it recorded: by its clock, which is the one that recorded the media.
    /// </summary>
    private static async Task<IResult> UploadAsync(
        string id, long number, long? offset, int? duration, HttpContext context, IClusterClient client, IBlobStore blobs,
        IOptions<MediaOptions> options, MediaMetrics metrics, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context.User).UserId;
        var media = client.GetGrain<IClassroomMedia>(ClassroomIds.Checked(id));
        try
        {
            if (duration is not (>= MediaLimits.MinDurationMillis and <= MediaLimits.MaxDurationMillis) || offset is not >= 0)
            {
                throw new ClassroomValidationException(Refusals.MediaDurationRange, MediaLimits.MinDurationMillis, MediaLimits.MaxDurationMillis);
            }

            // Who, when and which number, before a byte of the body is read: a student's upload costs nothing.
            var streamId = await media.CheckSegmentAsync(user, number);
            var bytes = await MediaUploadBody.ReadAsync(context.Request, options.Value.MaxSegmentBytes, cancellationToken);
            var webm = WebmSegment.Read(bytes);
            var audio = webm.AudioOnly();
            var sha256 = BlobInfo.Hash(bytes);
            await StoreAsync(blobs, MediaIds.BlobKey(streamId, number, MediaRenditions.AudioVideo), "video/webm", bytes, number, cancellationToken);
            if (audio is not null)
            {
                await StoreAsync(blobs, MediaIds.BlobKey(streamId, number, MediaRenditions.Audio), "audio/webm", audio, number, cancellationToken);
            }

            var segment = await media.AddSegmentAsync(user, new MediaSegmentDraft(
                number, offset.Value, duration.Value, bytes.Length, audio?.Length ?? 0, webm.Width, webm.Height, sha256, webm.Codecs));
            metrics.Uploaded(MediaMetrics.Stored, bytes.Length);
            var url = MediaIds.Url(streamId, number, MediaRenditions.AudioVideo);
            return TypedResults.Created(url, new MediaSegmentUploaded(segment, url, audio is null ? null : MediaIds.Url(streamId, number, MediaRenditions.Audio)));
        }
        catch (ClassroomException refusal)
        {
            metrics.Uploaded(refusal.Code, 0);
            throw;
        }
    }

    private static async Task StoreAsync(IBlobStore blobs, string key, string contentType, byte[] bytes, long number, CancellationToken cancellationToken)
    {
        try
        {
            await blobs.PutAsync(key, contentType, bytes, cancellationToken);
        }
        catch (BlobConflictException)
        {
            // Stored before with other bytes by an upload whose announcement never came: the number is spent.
            throw new ClassroomStateException(Refusals.MediaNumberUsed, number);
        }
    }

    private static async Task<IResult> GetAsync(string streamId, string rendition, long number, HttpContext context, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var name = $"{streamId}/{rendition}/{number}";
        if (!MediaIds.IsStreamId(streamId) || !MediaRenditions.IsKnown(rendition) || number < 1
            || await blobs.OpenReadAsync(MediaIds.BlobKey(streamId, number, rendition), cancellationToken) is not { } stream)
        {
            // Anything that is not a stored segment is answered alike: ids cannot be probed.
            throw new ClassroomNotFoundException(Refusals.MediaSegmentNotFound, name);
        }

        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // A page on another origin (a school's CDN name) may fetch segments for its player: they carry no credentials.
        headers.AccessControlAllowOrigin = "*";
        return TypedResults.Stream(stream, stream.Blob.ContentType, entityTag: new EntityTagHeaderValue($"\"{stream.Blob.Sha256}\""),
            lastModified: stream.Blob.CreatedAt, enableRangeProcessing: true);
    }
}

/// <summary>What an upload answers: the segment as announced and where its renditions are served.</summary>
public sealed record MediaSegmentUploaded(MediaSegmentView Segment, string Url, string? AudioUrl);
