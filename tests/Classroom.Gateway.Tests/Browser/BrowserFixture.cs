using Classroom.Gateway.Tests.Fixtures;
using Classroom.TestKit;
using Microsoft.Playwright;

namespace Classroom.Gateway.Tests.Browser;

/// <summary>
/// A gateway of its own and Debian's chromium, headless, driven by Playwright. Browsers are never downloaded here: the
/// test command installs the <c>chromium</c> package (or set <c>CHROMIUM_PATH</c>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public GatewayHost Host { get; private set; } = null!;

    /// <summary>The gateway's clock: real time that tests may move forward, to space a recorded lesson out.</summary>
    public ShiftableClock Clock { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// Uncaught script errors, content-security-policy violations and messages missing from a page's catalogue
    /// (<c>i18n:</c> reports) of every page so far: tests expect none.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PageErrors { get; } = new();

    /// <summary>The time zone of every test browser: not the lessons' (Asia/Shanghai), so the pages must not use it.</summary>
    public const string ReaderTimeZone = "America/New_York";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No chromium at {ChromiumPath}: run ./test.sh (it installs Debian's chromium) or set CHROMIUM_PATH.");
        }

        Host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Classroom:Gateway:Operators:0"] = "operator" }, Clock);
        // Pages wait on the hub and on tally cadences; a loaded two-core machine needs more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking switches chromium keeps calling Google's hosts, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private IBrowser? _fakeDevices;

    /// <summary>
    /// A second chromium whose camera and microphone are chromium's fakes (a moving test picture, a beep) and whose
    /// permission prompts answer yes, for the media pages; launched on first use.
    /// </summary>
    public async Task<IBrowser> FakeDevicesBrowserAsync() => _fakeDevices ??= await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--auto-select-desktop-capture-source=Entire screen"],
    });

    /// <summary>
    /// A fresh browser (its own storage, so its own session), phone-sized when asked, whose language settings ask for
    /// <paramref name="language"/> (navigator.languages and Accept-Language); in <paramref name="browser"/> when given.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string language = "en", IBrowser? browser = null)
    {
        var context = await (browser ?? Browser).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 860 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = language == "en" ? "en-US" : language,
            // A reader's computer in another time zone: the pages must still say Beijing time.
            TimezoneId = ReaderTimeZone,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // The console asks before ending a lesson.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        page.PageError += (_, error) => PageErrors.Enqueue($"{page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("i18n:", StringComparison.Ordinal)))
            {
                PageErrors.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>Signs in through the schedule's form.</summary>
    public async Task<IPage> SignInAsync(string userName, string password, bool phone = false, string language = "en", IBrowser? browser = null)
    {
        var page = await NewPageAsync(phone, language, browser);
        await page.GotoAsync("/");
        var form = page.Locator("#sign-in-form");
        await form.Locator("[name=userName]").FillAsync(userName);
        await form.Locator("[name=password]").FillAsync(password);
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#schedule")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// Saves a screenshot beside the test assembly; with <c>CLASSROOM_UPDATE_SCREENSHOTS=1</c> also into
    /// docs/screenshots, which the README shows. <paramref name="fullPage"/> takes the whole page, not only the window.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var local = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        if (fullPage)
        {
            // From the top: a sticky bar scrolled along with the reader would otherwise be drawn over the page's middle.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = local, FullPage = fullPage });
        if (Environment.GetEnvironmentVariable("CLASSROOM_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(Repository.Root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(local, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        if (_fakeDevices is not null)
        {
            await _fakeDevices.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
