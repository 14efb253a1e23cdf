using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Mobile;

/// <summary>The Client View page (no portal layout) as a phone shows it before Join is clicked.</summary>
[Collection(MobileJoinTests.Name)]
public sealed class ClientViewAccessibilityTests(BrowserFixture browser, StaleClockPortalFixture portal)
{
    [Fact]
    public async Task Client_View_page_before_joining_has_no_serious_accessibility_violations()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await ClientViewFlow.OpenAsMobileAttendeeAsync(page, "Ada Access", meeting.Id);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(meeting.Topic);
            await page.AssertNoSeriousViolationsAsync();
        }, MobileBrowser.Pixel7());
    }
}
