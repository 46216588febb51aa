using Classroom.Contracts.Errors;
using Classroom.Contracts.Photos;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Photos;

/// <summary>
/// Photo uploads (students and teachers) and the photos themselves. A photo is served to anyone with its URL: its id is
/// 128 random bits, and an <c>&lt;img src&gt;</c> cannot send a bearer token (docs/photos.md).
/// </summary>
public static class PhotoEndpoints
{
    /// <summary>How a photo is served: as an image that is never sniffed, run or framed as anything else, cached for good.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapPhotoEndpoints(this IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/api/photos").WithTags("Photos");
        photos.MapPost("/", UploadAsync).RequireAuthorization(Policies.Member)
            .Produces<PhotoUploaded>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
        photos.MapGet("/{id}", GetAsync).AllowAnonymous().Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblem(StatusCodes.Status404NotFound);
        photos.MapGet("/{id}/info", (string id, IClusterClient client) => Photo(client, id).GetInfoAsync()).RequireAuthorization();
        return app;
    }

    /// <summary>The path a photo is served at.</summary>
    public static string Url(string photoId) => $"/api/photos/{photoId}";

    private static async Task<IResult> UploadAsync(
        HttpContext context, PhotoProcessor processor, PhotoUploadThrottle throttle, PhotoMetrics metrics, RefusalLocalizer texts,
        IOptions<PhotoOptions> options, IClusterClient client, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context.User);
        if (throttle.TryAcquire(user.UserId) is var wait && wait > TimeSpan.Zero)
        {
            metrics.Uploaded(Refusals.PhotoRateLimit);
            return TooManyRequests.Problem(context, texts, Refusals.PhotoRateLimit, wait);
        }

        ProcessedPhoto photo;
        try
        {
            photo = await processor.ProcessAsync(await PhotoUploadBody.ReadAsync(context.Request, options.Value.MaxBytes, cancellationToken), cancellationToken);
        }
        catch (ClassroomException refusal)
        {
            metrics.Uploaded(refusal.Code);
            throw;
        }

        var id = PhotoIdRule.New();
        var info = await client.GetGrain<IPhotoGrain>(id).StoreAsync(user.UserId, photo.Jpeg, photo.Width, photo.Height);
        metrics.Uploaded(PhotoMetrics.Stored);
        return TypedResults.Created(Url(id), new PhotoUploaded(id, info.Width, info.Height, Url(id)));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IClusterClient client)
    {
        var photo = await Photo(client, id).GetAsync();
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentDisposition = "inline";
        // The bytes under an id never change: the id is as good a validator as a hash of them.
        return TypedResults.File(photo.Jpeg, "image/jpeg", entityTag: new EntityTagHeaderValue($"\"{id}\""));
    }

    /// <summary>The photo grain of <paramref name="id"/>; an id that is not a photo id is not found, as an unknown one is.</summary>
    private static IPhotoGrain Photo(IClusterClient client, string id) =>
        PhotoIdRule.IsValid(id) ? client.GetGrain<IPhotoGrain>(id) : throw new ClassroomNotFoundException(Refusals.PhotoNotFound, id);
}

/// <summary>What an upload answers: the new photo's id, its size as stored, and where it is served (a capability URL).</summary>
public sealed record PhotoUploaded(string PhotoId, int Width, int Height, string Url);
