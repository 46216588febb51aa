using Classroom.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Classroom.Gateway.Api;

/// <summary>Turns refusals into problem details a person can read; anything else is a 500 without internals.</summary>
public sealed partial class ApiErrors(IProblemDetailsService problems, ILogger<ApiErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            Unexpected(logger, exception, context.Request.Path);
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status500InternalServerError ? "Something went wrong on our side; try again." : exception.Message,
            },
        });
    }

    public static (int Status, string Title) Classify(Exception exception) => exception switch
    {
        ClassroomValidationException => (StatusCodes.Status400BadRequest, "Invalid request"),
        BadHttpRequestException => (StatusCodes.Status400BadRequest, "Invalid request"),
        ClassroomPermissionException => (StatusCodes.Status403Forbidden, "Not allowed"),
        ClassroomNotFoundException => (StatusCodes.Status404NotFound, "Not found"),
        ClassroomStateException => (StatusCodes.Status409Conflict, "Not possible now"),
        _ => (StatusCodes.Status500InternalServerError, "Server error"),
    };

    [LoggerMessage(1, LogLevel.Error, "Request {Path} failed")]
    private static partial void Unexpected(ILogger logger, Exception exception, string path);
}
