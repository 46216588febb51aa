using Classroom.Contracts.Errors;
using System.Globalization;
using Classroom.Gateway.Localization;
using Classroom.Persistence.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Api;

/// <summary>
/// Turns refusals into problem details a person can read, in the request's language (title and detail), with the
/// refusal's stable <c>code</c> for programs; a storage failure is a 503 with <c>Retry-After</c> (the database is
/// restarting: the request did nothing and may be repeated); anything else is a 500 without internals.
/// </summary>
public sealed partial class ApiErrors(IProblemDetailsService problems, RefusalLocalizer texts, ILogger<ApiErrors> logger) : IExceptionHandler
{
    /// <summary>The problem details extension carrying the refusal's stable code.</summary>
    public const string CodeExtension = "code";

    /// <summary>How long a caller is asked to wait when the storage failed: a database restart takes about this long.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(2);

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            Unexpected(logger, exception, context.Request.Path);
        }

        var (code, detail) = exception switch
        {
            ClassroomException refusal => (refusal.Code, texts.Say(refusal)),
            BadHttpRequestException bad => (Refusals.RequestMalformed, texts.Say(Refusals.RequestMalformed, bad.Message)),
            StorageUnavailableException => (Refusals.ServerUnavailable, texts.Say(Refusals.ServerUnavailable)),
            _ => (Refusals.ServerError, texts.Say(Refusals.ServerError)),
        };
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = ((int)UnavailableRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = texts.Say(title),
                Detail = detail,
                Extensions = { [CodeExtension] = code },
            },
        });
    }

    /// <summary>The HTTP status of <paramref name="exception"/> and the catalogue code of its problem's title.</summary>
    public static (int Status, string TitleCode) Classify(Exception exception) => exception switch
    {
        ClassroomValidationException { Code: Refusals.PhotoTooLarge or Refusals.MediaSegmentTooLarge } => (StatusCodes.Status413PayloadTooLarge, Refusals.TitleInvalidRequest),
        ClassroomValidationException { Code: Refusals.PhotoUnsupportedType } => (StatusCodes.Status415UnsupportedMediaType, Refusals.TitleInvalidRequest),
        ClassroomValidationException { Code: Refusals.SlidesTooLarge } => (StatusCodes.Status413PayloadTooLarge, Refusals.TitleInvalidRequest),
        ClassroomValidationException { Code: Refusals.SlidesNotPdf } => (StatusCodes.Status415UnsupportedMediaType, Refusals.TitleInvalidRequest),
        ClassroomValidationException => (StatusCodes.Status400BadRequest, Refusals.TitleInvalidRequest),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, Refusals.TitleInvalidRequest),
        ClassroomPermissionException => (StatusCodes.Status403Forbidden, Refusals.TitleNotAllowed),
        ClassroomNotFoundException => (StatusCodes.Status404NotFound, Refusals.TitleNotFound),
        ClassroomStateException => (StatusCodes.Status409Conflict, Refusals.TitleNotPossibleNow),
        StorageUnavailableException => (StatusCodes.Status503ServiceUnavailable, Refusals.TitleUnavailable),
        _ => (StatusCodes.Status500InternalServerError, Refusals.TitleServerError),
    };

    [LoggerMessage(1, LogLevel.Error, "Request {Path} failed")]
    private static partial void Unexpected(ILogger logger, Exception exception, string path);
}
