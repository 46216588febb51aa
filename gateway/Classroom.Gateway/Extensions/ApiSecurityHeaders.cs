using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Extensions;

/// <summary>
/// The security headers the pages get (<see cref="WebPages"/>), as they apply to what is not a page: the JSON API, the
/// OpenAPI document, health and the hub's negotiation. Nothing there is meant to be framed, sniffed or run as a page.
/// A response that set a content security policy of its own keeps it (a photo's, which also sandboxes it).
/// </summary>
internal static class ApiSecurityHeaders
{
    private const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static readonly string[] Paths = ["/api", "/openapi", "/health", ClassroomGatewayExtensions.HubPath];

    /// <summary>Adds the headers to every response under those paths, errors included (set as the response starts).</summary>
    public static WebApplication UseApiSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (Paths.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                context.Response.OnStarting(static state =>
                {
                    var headers = ((HttpResponse)state).Headers;
                    headers[HeaderNames.XContentTypeOptions] = "nosniff";
                    headers[HeaderNames.XFrameOptions] = "DENY";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers.TryAdd(HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy);
                    return Task.CompletedTask;
                }, context.Response);
            }

            return next(context);
        });
        return app;
    }
}
