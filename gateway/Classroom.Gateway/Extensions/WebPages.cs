using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Classroom.Gateway.Extensions;

/// <summary>
/// The pages people use (schedule, teacher console, student view, replay viewer): plain HTML, CSS and JavaScript from
/// the gateway's <c>web/</c> folder, with the official SignalR client vendored from npm, so they work offline on
/// loopback. A strict content security policy backs up the pages' own rule that user text is only ever set as text.
/// </summary>
internal static class WebPages
{
    public const string Folder = "web";

    // worker-src: the board's PDF.js renders slides in a worker it starts from /lib/pdfjs (never from a blob or data
    // URL); said outright rather than left to fall back to script-src. No 'unsafe-eval', no 'wasm-unsafe-eval': PDF.js
    // is told not to need them (js/board-slides.js). media-src blob: is the lesson's media: its players feed a
    // MediaSource, which a <video> plays through an object URL.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; media-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseWebPages(this WebApplication app)
    {
        var files = FileProvider(app.Environment);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                // Pages and scripts are small and change with the build: revalidate instead of caching stale copies.
                headers[HeaderNames.CacheControl] = "no-cache";
            },
        });
        return app;
    }

    /// <summary>
    /// The source folder under the content root when there is one (<c>dotnet run</c>: edit a page, reload it), else the
    /// copy the build put beside the assembly (tests, published builds).
    /// </summary>
    private static PhysicalFileProvider FileProvider(IWebHostEnvironment environment)
    {
        var source = Path.Combine(environment.ContentRootPath, Folder);
        var built = Path.Combine(AppContext.BaseDirectory, Folder);
        return new PhysicalFileProvider(File.Exists(Path.Combine(source, "index.html")) ? source : built);
    }
}
