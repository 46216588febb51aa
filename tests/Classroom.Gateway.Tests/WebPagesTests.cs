using System.Net;
using Classroom.Gateway.Tests.Fixtures;

namespace Classroom.Gateway.Tests;

/// <summary>The gateway serves the pages itself, offline, with headers that keep user text from becoming markup or script.</summary>
[Collection(GatewayCollection.Name)]
public sealed class WebPagesTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("/", "schedule.pageTitle")]
    [InlineData("/teach.html", "console.pageTitle")]
    [InlineData("/lesson.html", "student.pageTitle")]
    [InlineData("/replay.html", "replay.pageTitle")]
    [InlineData("/qa.html", "qa.pageTitle")]
    [InlineData("/qa-queue.html", "queue.pageTitle")]
    [InlineData("/question.html", "question.pageTitle")]
    [InlineData("/micro-lessons.html", "micro.pageTitle")]
    public async Task Each_page_is_served_with_a_strict_content_security_policy(string path, string titleKey)
    {
        using var response = await fixture.Host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<title data-i18n=\"{titleKey}\">", await response.Content.ReadAsStringAsync());
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        // The board's PDF.js worker comes from the gateway itself.
        Assert.Contains("worker-src 'self';", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_pages_load_no_script_or_style_from_another_site_and_have_none_inline()
    {
        foreach (var path in new[] { "/", "/teach.html", "/lesson.html", "/replay.html", "/qa.html", "/qa-queue.html", "/question.html", "/micro-lessons.html" })
        {
            var html = await fixture.Host.Http.GetStringAsync(path);
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("style=\"", html);
        }
    }

    [Theory]
    [InlineData("@microsoft/signalr/dist/browser/signalr.min.js", "/lib/signalr/signalr.min.js")]
    [InlineData("morphdom/dist/morphdom-esm.js", "/lib/morphdom/morphdom-esm.js")]
    [InlineData("perfect-freehand/dist/esm/index.mjs", "/lib/perfect-freehand/index.mjs")]
    [InlineData("pdfjs-dist/build/pdf.min.mjs", "/lib/pdfjs/pdf.min.mjs")]
    [InlineData("pdfjs-dist/build/pdf.worker.min.mjs", "/lib/pdfjs/pdf.worker.min.mjs")]
    public async Task The_vendored_browser_libraries_are_the_npm_package_files_byte_for_byte(string package, string path)
    {
        var installed = Path.Combine([Repository.Root, "tests", "node", "node_modules", .. package.Split('/')]);
        Assert.True(File.Exists(installed), "tests/node has no node_modules: run ./test.sh (it installs them) or 'npm install --no-package-lock' there.");

        using var response = await fixture.Host.Http.GetAsync(path);

        Assert.Equal(await File.ReadAllBytesAsync(installed), await response.Content.ReadAsByteArrayAsync());
        // Browsers run a module (and PDF.js's module worker) only when it is served as JavaScript.
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }
}
