using System.Runtime.CompilerServices;

namespace ZoomPortal.E2E.Infrastructure;

/// <summary>
/// One headless Debian Chromium per test collection; every test gets its own <see cref="IBrowserContext"/>
/// (cookies, storage, time zone and locale are never shared between tests).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>The system browser; Playwright's own downloads are never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private const float DefaultTimeoutMs = 30_000;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    /// <summary>Switches a derived fixture adds to Chromium's (e.g. fake media devices).</summary>
    protected virtual IReadOnlyList<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"E2E tests need Chromium at {ChromiumPath}: apt-get install -y chromium.");
        }

        // Generous waits: two cores are shared with builds, and a cold portal takes seconds for its first page.
        Assertions.SetDefaultExpectTimeout(DefaultTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
                // Everything but loopback fails to resolve, so no test can reach a real service such as zoom.us.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-proxy-server",
                .. ExtraArguments,
            ],
        });
    }

    /// <summary>
    /// A fresh context and page with <paramref name="baseUrl"/> as base URL, so tests can navigate to "/meetings".
    /// Set <see cref="BrowserNewContextOptions.TimezoneId"/> or <see cref="BrowserNewContextOptions.Locale"/> in
    /// <paramref name="options"/> to see the portal as someone elsewhere would.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        options ??= new BrowserNewContextOptions();
        options.BaseURL = baseUrl.ToString();
        options.Locale ??= "en-GB";
        options.TimezoneId ??= "Europe/London";
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a fresh page and closes its context afterwards; when the test throws,
    /// a full-page screenshot is saved as TestResults/screenshots/{test name}.png beside the test assembly.
    /// </summary>
    public async Task RunAsync(
        Uri baseUrl,
        Func<IPage, Task> test,
        BrowserNewContextOptions? options = null,
        [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(test);
        var page = await NewPageAsync(baseUrl, options);
        try
        {
            await test(page);
        }
        catch (Exception)
        {
            await SaveScreenshotAsync(page, testName);
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots for people to look at; returns its path.</summary>
    public static async Task<string> CaptureAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static async Task SaveScreenshotAsync(IPage page, string testName)
    {
        try
        {
            Directory.CreateDirectory(ScreenshotFolder);
            var file = string.Concat(testName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotFolder, file + ".png"),
                FullPage = true,
                Timeout = 5_000,
            });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // A page that crashed or closed has nothing to show; the test's own failure is what matters.
        }
    }
}
