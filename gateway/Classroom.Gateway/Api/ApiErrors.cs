using Classroom.Contracts.Errors;
using Classroom.Gateway.Localization;
using Microsoft.AspNetCore.Diagnostics;

namespace Classroom.Gateway.Api;

/// <summary>
/// Turns refusals into problem details a person can read, in the request's language (title and detail), with the
/// refusal's stable <c>code</c> for programs; anything else is a 500 without internals.
/// </summary>
public sealed partial class ApiErrors(IProblemDetailsService problems, RefusalLocalizer texts, ILogger<ApiErrors> logger) : IExceptionHandler
{
    /// <summary>The problem details extension carrying the refusal's stable code.</summary>
    public const string CodeExtension = "code";

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
            _ => (Refusals.ServerError, texts.Say(Refusals.ServerError)),
        };
        context.Response.StatusCode = status;
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
        ClassroomValidationException => (StatusCodes.Status400BadRequest, Refusals.TitleInvalidRequest),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, Refusals.TitleInvalidRequest),
        ClassroomPermissionException => (StatusCodes.Status403Forbidden, Refusals.TitleNotAllowed),
        ClassroomNotFoundException => (StatusCodes.Status404NotFound, Refusals.TitleNotFound),
        ClassroomStateException => (StatusCodes.Status409Conflict, Refusals.TitleNotPossibleNow),
        _ => (StatusCodes.Status500InternalServerError, Refusals.TitleServerError),
    };

    [LoggerMessage(1, LogLevel.Error, "Request {Path} failed")]
    private static partial void Unexpected(ILogger logger, Exception exception, string path);
}
