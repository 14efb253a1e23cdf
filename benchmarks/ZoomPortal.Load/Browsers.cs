using Microsoft.Playwright;

namespace ZoomPortal.Load;

/// <summary>Debian's Chromium, headless, loopback only, with renderers shared between pages so hundreds of users fit.</summary>
internal static class Browsers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--no-proxy-server",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                // One renderer per page would cost ~50 MB each; the portal's memory is what is measured, not Chromium's.
                "--renderer-process-limit=6", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
            ],
        });

    /// <summary>A signed-in user in a context of their own, arrived at <paramref name="returnUrl"/>.</summary>
    public static async Task<LoadUser> SignInAsync(IBrowser browser, Uri baseUrl, string name, string role, string returnUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString(), TimezoneId = "Europe/Berlin", Locale = "en-GB" });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var user = new LoadUser(context, page);
        page.WebSocket += (_, ws) =>
        {
            if (ws.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref user.BlazorSockets);
            }
        };
        await page.GotoAsync($"/authentication/dev-signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Radio, new() { Name = role, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return user;
    }
}

/// <summary>One simulated person: a browser context (their cookies) and its page.</summary>
internal sealed class LoadUser(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public int BlazorSockets;

    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
