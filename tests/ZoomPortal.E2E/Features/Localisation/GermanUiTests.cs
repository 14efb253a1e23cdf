using Microsoft.Playwright;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Localisation;

/// <summary>A browser that asks for German gets German; the user menu's switch changes the language and back.</summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed class GermanUiTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    private static readonly BrowserNewContextOptions German = new() { Locale = "de-DE" };

    [Fact]
    public Task A_german_browser_gets_the_portal_in_german_and_the_switch_changes_to_english_and_back() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.GotoAsync("/");
            Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
            await Expect(page.GetByText("Melden Sie sich an, um die Meetings zu sehen")).ToBeVisibleAsync();
            await page.AssertNoSeriousViolationsAsync();

            // The development sign-in in German: its own labels (the role names are the portal's roles).
            await page.GotoAsync("/authentication/dev-signin?returnUrl=%2Fmeetings");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Entwicklungs-Anmeldung", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousViolationsAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Greta German");
            await page.GetByRole(AriaRole.Radio, new() { Name = "Attendee", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/meetings");
            await page.WaitUntilInteractiveAsync();

            // The meetings page and its chrome (user menu, sandbox banner) are German.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demnächst", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Search, new() { Name = "Meetings filtern" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Sandbox-Modus" })).ToContainTextAsync("nicht mit Zoom verbunden");
            await page.AssertNoSeriousViolationsAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/meetings");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming", Level = 2 })).ToBeVisibleAsync();
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

            await page.GetByRole(AriaRole.Button, new() { Name = "Auf Deutsch umstellen" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/meetings");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();
        }, German);
}
