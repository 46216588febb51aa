using System.Globalization;
using Classroom.Contracts.Errors;
using Classroom.Gateway.Localization;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Api;

/// <summary>
/// A 429 as every throttle of the gateway answers it: a <c>Retry-After</c> header (whole seconds) and problem details
/// in the request's language whose <c>code</c> says which limit it was.
/// </summary>
public static class TooManyRequests
{
    /// <summary>The problem for <paramref name="code"/> (a sentence with the seconds to wait as <c>{0}</c>); sets <c>Retry-After</c>.</summary>
    public static IResult Problem(HttpContext context, RefusalLocalizer texts, string code, TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(
            texts.Say(code, seconds),
            statusCode: StatusCodes.Status429TooManyRequests,
            title: texts.Say(Refusals.TitleTooManyRequests),
            extensions: new Dictionary<string, object?> { [ApiErrors.CodeExtension] = code });
    }

    /// <summary>Whole seconds, rounded up and at least one, so a client that waits that long is let in.</summary>
    public static long Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
}
