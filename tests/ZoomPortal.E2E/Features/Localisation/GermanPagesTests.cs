using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Localisation;

/// <summary>
/// An admin whose browser asks for German walks the pages that were English until issue 13: their own sign-ins, the
/// admins' sign-ins (cards on a phone, the action in view), the admin page, a meeting's visibility editor and its
/// live roster. Each is German, passes axe, and is captured as {page}-de-{scheme}-{width}.png.
/// </summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed class GermanPagesTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Theory]
    [InlineData(ColorScheme.Light, 1280, 900)]
    [InlineData(ColorScheme.Dark, 1280, 900)]
    [InlineData(ColorScheme.Light, 412, 915)]
    [InlineData(ColorScheme.Dark, 412, 915)]
    public Task An_admin_with_a_german_browser_gets_the_sign_in_admin_visibility_and_roster_pages_in_german(ColorScheme scheme, int width, int height) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var suffix = $"de-{scheme.ToString().ToLowerInvariant()}-{width}";
            var name = $"Greta Verwaltung {scheme} {width}";
            var meeting = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>().Meetings.First(m => m.Topic == "Design review");

            await page.GotoAsync("/authentication/dev-signin?returnUrl=%2Faccount");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync(name);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Admin", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ihre Anmeldungen", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("my-sessions")).ToContainTextAsync("Dieser Browser");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Überall abmelden" })).ToBeVisibleAsync();
            await CaptureAndCheckAsync(page, $"account-{suffix}");

            await page.GotoAsync("/admin/sessions");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aktive Anmeldungen", Level = 1 })).ToBeVisibleAsync();
            var row = page.GetByTestId("active-sessions").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync("Entwicklungs-Anmeldung");
            // The action is on screen without scrolling sideways, on a phone too.
            var action = row.GetByRole(AriaRole.Button, new() { Name = $"Überall abmelden: {name}" });
            await Expect(action).ToBeInViewportAsync(new() { Ratio = 1 });
            var box = await action.BoundingBoxAsync();
            Assert.True(box!.X + box.Width <= width, $"the action ends at {box.X + box.Width} px on a {width} px screen");
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.mud-table-container')].every(c => c.scrollWidth <= c.clientWidth + 1)"),
                "the sign-ins table scrolls sideways");
            if (width < 600)
            {
                // Cards, not squeezed columns: every value has the card's whole width.
                Assert.True(await page.EvaluateAsync<bool>(
                    """
                    () => {
                        const table = document.querySelector('[data-testid=active-sessions] table');
                        const cells = [...table.querySelectorAll('tbody td')].filter(td => td.offsetParent !== null);
                        return cells.length > 0 && cells.every(td => td.getBoundingClientRect().width >= table.clientWidth * 0.9);
                    }
                    """), "the sign-ins are squeezed columns on a phone, not one card per sign-in");
            }

            await CaptureAndCheckAsync(page, $"admin-sessions-{suffix}");

            await page.GotoAsync("/admin");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verwaltung", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "Verwaltungsseiten" })).ToContainTextAsync("Protokoll der Beitrittsfehler");
            await CaptureAndCheckAsync(page, $"admin-{suffix}");

            await page.GotoAsync($"/meetings/{meeting.Id}");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wer dieses Meeting sehen kann", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("visibility")).ToHaveTextAsync("Alle, die im Portal angemeldet sind.");
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Nur diese Gruppen" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sichtbarkeit speichern" })).ToBeVisibleAsync();
            await CaptureAndCheckAsync(page, $"meeting-{suffix}");

            await page.GotoAsync($"/meetings/{meeting.Id}/live");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live-Teilnehmerliste: Design review", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Meeting" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("roster-connection")).ToHaveTextAsync("Live");
            // Empty, unless another test in this portal joined the meeting: then the table's German headers.
            await Expect(page.GetByText("Noch niemand ist beigetreten.").Or(page.GetByRole(AriaRole.Columnheader, new() { Name = "Seit (UTC)" }))).ToBeVisibleAsync();
            await CaptureAndCheckAsync(page, $"roster-{suffix}");
        }, new BrowserNewContextOptions { Locale = "de-DE", ColorScheme = scheme, ViewportSize = new() { Width = width, Height = height } });

    private static async Task CaptureAndCheckAsync(IPage page, string name)
    {
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.CaptureAsync(page, name);
        await page.AssertNoSeriousViolationsAsync();
    }
}
