using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Auth;

/// <summary>
/// The page a sign-in callback that cannot be completed answers with, as a German phone user in dark mode sees it: German,
/// dark from the first paint (it declares both colour schemes), axe-clean; captured as <c>signin-failed-de-{scheme}-412.png</c>.
/// </summary>
[Collection(OidcPortalTests.Name)]
public sealed class SignInCallbackPageTests(BrowserFixture browser, OidcPortalFixture portal)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public Task An_unusable_answer_from_the_provider_gets_a_german_page_with_a_way_back(ColorScheme scheme) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var response = await page.GotoAsync("/signin-oidc?state=garbage&code=abc");

            Assert.Equal(400, response!.Status);
            Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
            await Expect(page).ToHaveTitleAsync("Die Anmeldung wurde nicht abgeschlossen - ZoomPortal");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Die Anmeldung wurde nicht abgeschlossen", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Erneut anmelden" })).ToHaveAttributeAsync("href", "/authentication/login");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zur Startseite" })).ToHaveAttributeAsync("href", "/");
            await Expect(page.Locator("main")).ToContainTextAsync("Es wurde nichts geändert.");
            // Dark from the first paint when the user prefers dark (a static page: no script decides it).
            var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            Assert.Equal(scheme == ColorScheme.Dark ? "rgb(18, 18, 18)" : "rgb(255, 255, 255)", background);
            await BrowserFixture.CaptureAsync(page, $"signin-failed-de-{scheme.ToString().ToLowerInvariant()}-412");
            await page.AssertNoSeriousViolationsAsync();
        }, new BrowserNewContextOptions { Locale = "de-DE", ColorScheme = scheme, ViewportSize = new() { Width = 412, Height = 915 } });
}
