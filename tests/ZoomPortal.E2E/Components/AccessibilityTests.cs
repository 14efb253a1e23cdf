using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Components;

/// <summary>axe-core finds nothing serious or critical on the foundation's pages.</summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Fact]
    public Task Development_sign_in_page_has_no_serious_violations() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.GotoAsync("/authentication/dev-signin");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Development sign-in", Level = 1 })).ToBeVisibleAsync();

            await page.AssertNoSeriousViolationsAsync();
        });

    [Fact]
    public Task Home_page_has_no_serious_violations_for_anonymous_visitors() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.GotoAsync("/");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ZoomPortal", Level = 1 })).ToBeVisibleAsync();

            await page.AssertNoSeriousViolationsAsync();
        });

    [Fact]
    public Task Meetings_page_has_no_serious_violations() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Axe Attendee", "Attendee");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live now", Level = 2 })).ToBeVisibleAsync();

            await page.AssertNoSeriousViolationsAsync();
        });

    [Fact]
    public Task Not_found_page_has_no_serious_violations() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var response = await page.GotoAsync("/no-such-page");
            Assert.Equal(404, response?.Status);
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We can't find that page", Level = 1 })).ToBeVisibleAsync();

            await page.AssertNoSeriousViolationsAsync();
        });
}
