using Classroom.Contracts.Board;
using Classroom.Contracts.Classrooms;
using Classroom.Contracts.Errors;
using Classroom.Contracts.Slides;
using Classroom.Gateway.Accounts;
using Classroom.Gateway.Api;
using Classroom.Gateway.Localization;
using Classroom.Persistence.Blobs;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Slides;

/// <summary>
/// Slide uploads (a lesson's teacher or assistants) and the decks themselves. A deck is served to anyone with its URL:
/// its id is 128 random bits, and the pages fetch it as pdf.js does, without a bearer token (docs/slides.md).
/// </summary>
public static class SlideEndpoints
{
    /// <summary>How a deck is served when opened directly: in a sandbox, so nothing in it runs with the site's rights.</summary>
    public const string ContentSecurityPolicy = "sandbox";

    public const string CacheControl = "public, max-age=31536000, immutable";

    public const string ContentType = "application/pdf";

    /// <summary>The form field a browser sends the PDF in.</summary>
    public const string FieldName = "file";

    public static IEndpointRouteBuilder MapSlideEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/lessons/{classroomId}/slides", UploadAsync).WithTags("Slides").RequireAuthorization(Policies.Member)
            .Produces<SlidesUploaded>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
        var slides = app.MapGroup("/api/slides").WithTags("Slides");
        slides.MapGet("/{deckId}", GetAsync).AllowAnonymous().Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        slides.MapGet("/{deckId}/info", (string deckId, IClusterClient client) => Deck(client, deckId).GetInfoAsync()).RequireAuthorization();
        return app;
    }

    /// <summary>The path a deck is served at.</summary>
    public static string Url(string deckId) => $"/api/slides/{deckId}";

    /// <summary>The blob a deck's PDF is stored under.</summary>
    public static string BlobKey(string deckId) => $"slides.{deckId}";

    private static async Task<IResult> UploadAsync(
        string classroomId, string? name, HttpContext context, SlideDeckProcessor processor, SlideUploadThrottle throttle, RefusalLocalizer texts,
        IOptions<SlideOptions> options, IBlobStore blobs, IClusterClient client, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context.User);
        if (throttle.TryAcquire(user.UserId) is var wait && wait > TimeSpan.Zero)
        {
            return TooManyRequests.Problem(context, texts, Refusals.SlidesRateLimit, wait);
        }

        // Asked before anything is read or stored: a refused upload stores nothing. The board's own rules decide again
        // when the deck is added (the lesson may end meanwhile).
        var room = await BoardRoomAsync(client, classroomId, user.UserId);
        var maxBytes = options.Value.MaxBytes;
        var upload = await UploadBody.ReadAsync(context.Request, FieldName, maxBytes, () => SlideDeckProcessor.TooLarge(maxBytes), cancellationToken);
        var deck = await processor.ProcessAsync(upload.Bytes, cancellationToken);
        if (deck.PageCount > room)
        {
            throw new ClassroomStateException(Refusals.SlidesBoardFull, room, deck.PageCount);
        }

        var deckId = SlideDeckIdRule.New();
        var deckName = SlideNames.Clean(upload.FileName ?? name);
        var blob = await blobs.PutAsync(BlobKey(deckId), ContentType, deck.Pdf, cancellationToken);
        await Deck(client, deckId).StoreAsync(
            new SlideDeckInfo(deckId, classroomId, user.UserId, deckName, deck.PageCount, blob.Length, blob.Sha256, blob.CreatedAt));
        var pageIds = await client.GetGrain<IClassroomBoard>(classroomId).AddSlidesAsync(user.UserId, new SlideDeckView(deckId, deckName, deck.PageCount));
        return TypedResults.Created(Url(deckId), new SlidesUploaded(deckId, deckName, deck.PageCount, pageIds, Url(deckId)));
    }

    /// <summary>How many pages the board of <paramref name="classroomId"/> still has room for, if the caller may add slides to it.</summary>
    private static async Task<int> BoardRoomAsync(IClusterClient client, string classroomId, string userId)
    {
        var lesson = await client.GetClassroom(classroomId).GetSnapshotAsync(userId);
        if (lesson.Preview?.TeacherId != userId && !lesson.Assistants.Contains(userId))
        {
            throw new ClassroomPermissionException(Refusals.LessonStaffOnly, Phrase.UploadSlides);
        }

        if (lesson.Status == ClassroomStatus.Ended)
        {
            throw new ClassroomStateException(Refusals.LessonEndedForAction, Phrase.UploadSlides);
        }

        var room = BoardLimits.MaxPages - lesson.Board.Pages.Count;
        return room > 0 ? room : throw new ClassroomStateException(Refusals.BoardTooManyPages, BoardLimits.MaxPages);
    }

    private static async Task<IResult> GetAsync(string deckId, HttpContext context, IBlobStore blobs, IClusterClient client, CancellationToken cancellationToken)
    {
        var deck = await Deck(client, deckId).GetInfoAsync();
        var pdf = await blobs.OpenReadAsync(BlobKey(deckId), cancellationToken) ?? throw new ClassroomNotFoundException(Refusals.SlidesNotFound, deckId);
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(deck.Name)}";
        // The bytes under an id never change: the id is as good a validator as their hash. Ranges: pdf.js asks for them.
        return TypedResults.Stream(pdf, ContentType, entityTag: new EntityTagHeaderValue($"\"{deckId}\""), lastModified: deck.CreatedAt, enableRangeProcessing: true);
    }

    /// <summary>The deck grain of <paramref name="deckId"/>; an id that is not a deck id is not found, as an unknown one is.</summary>
    private static ISlideDeckGrain Deck(IClusterClient client, string deckId) =>
        SlideDeckIdRule.IsValid(deckId) ? client.GetGrain<ISlideDeckGrain>(deckId) : throw new ClassroomNotFoundException(Refusals.SlidesNotFound, deckId);
}

/// <summary>What an upload answers: the deck, its pages on the board (in order), and where its PDF is served.</summary>
public sealed record SlidesUploaded(string DeckId, string Name, int PageCount, IReadOnlyList<string> PageIds, string Url);
