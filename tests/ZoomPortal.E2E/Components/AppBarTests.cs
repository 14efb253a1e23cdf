using Microsoft.Playwright;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Components;

/// <summary>
/// The app bar stays one row: on a phone the language switch, the user's name and Sign out fold into one account
/// menu (a labelled button that works with the keyboard); on a desktop they stay in the bar.
/// </summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed class AppBarTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    // MudBlazor's dense app bar: one 48 px row.
    private const double OneRow = 48;

    [Theory]
    [InlineData("en-GB", ColorScheme.Light, "Account menu", "Sign out", "Auf Deutsch umstellen (switch to German)")]
    [InlineData("de-DE", ColorScheme.Dark, "Kontomenü", "Abmelden", "Switch to English (auf Englisch umstellen)")]
    public Task On_a_412px_phone_the_account_items_sit_in_one_menu_and_the_bar_is_one_row(string locale, ColorScheme scheme, string menu, string signOut, string languageSwitch) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var name = $"Philippa Phone-Longname {locale}";
            await SignInAsync(page, name);
            await page.WaitUntilInteractiveAsync();

            await AssertOneRowAsync(page);
            var button = page.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true });
            await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = signOut, Exact = true })).ToBeHiddenAsync();
            await BrowserFixture.CaptureAsync(page, $"appbar-{Lang(locale)}-{Scheme(scheme)}-412");

            // Keyboard: Enter opens it with focus on its first item, Escape closes it and focus returns to the button.
            await button.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = languageSwitch })).ToBeFocusedAsync();
            await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(name);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = signOut, Exact = true })).ToBeVisibleAsync();
            await AssertOneRowAsync(page);
            await BrowserFixture.CaptureAsync(page, $"appbar-menu-open-{Lang(locale)}-{Scheme(scheme)}-412");
            await page.AssertNoSeriousViolationsAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(button).ToBeFocusedAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = signOut, Exact = true })).ToBeHiddenAsync();

            // The menu's items work: Sign out from it.
            await button.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = signOut, Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        }, new BrowserNewContextOptions { Locale = locale, ColorScheme = scheme, ViewportSize = new() { Width = 412, Height = 915 } });

    [Fact]
    public Task On_a_desktop_the_account_items_stay_in_the_bar() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await SignInAsync(page, "Desmond Desktop");
            await page.WaitUntilInteractiveAsync();

            await AssertOneRowAsync(page);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Account menu" })).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
            await BrowserFixture.CaptureAsync(page, "appbar-en-light-1280");
        }, new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });

    // One row: the bar is as high as a dense toolbar, every button and link in it is inside that row, and no text
    // button or link is taller than one line of text (icon buttons are 48 px squares by design).
    private static async Task AssertOneRowAsync(IPage page)
    {
        var bar = await page.Locator("header.mud-appbar").BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.True(bar.Height <= OneRow + 1, $"the app bar is {bar.Height} px high, more than one {OneRow} px row");
        var items = await page.Locator("header.mud-appbar").EvaluateAsync<double[][]>(
            """
            bar => [...bar.querySelectorAll('button, a')]
                .filter(e => e.offsetParent !== null && !e.closest('.account-menu--open .account-menu-panel'))
                .map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, e.classList.contains('mud-icon-button') ? 0 : r.height]; })
            """);
        Assert.NotEmpty(items);
        Assert.All(items, box =>
        {
            Assert.True(box[0] >= bar.Y - 1 && box[1] <= bar.Y + bar.Height + 1, $"an app bar item spans {box[0]}–{box[1]} px, outside the bar's row");
            Assert.True(box[2] <= 40, $"an app bar item is {box[2]} px high: its text wraps");
        });
    }

    private static async Task SignInAsync(IPage page, string name)
    {
        // The form is static server rendering in the browser's language; the role radio is the role's own name.
        await page.GotoAsync("/authentication/dev-signin?returnUrl=%2Fmeetings");
        await page.Locator("#dev-name").FillAsync(name);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Attendee", Exact = true }).CheckAsync();
        await page.Locator("form.dev-signin-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/meetings");
    }

    private static string Lang(string locale) => locale[..2];

    private static string Scheme(ColorScheme scheme) => scheme.ToString().ToLowerInvariant();
}
