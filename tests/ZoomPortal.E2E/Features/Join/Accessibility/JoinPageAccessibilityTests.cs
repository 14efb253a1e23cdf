using ZoomPortal.E2E.Features.Join.Security;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Accessibility;

/// <summary>axe-core finds nothing serious or critical on the join and start pages, before and inside the meeting.</summary>
[Collection(JoinPortalTests.Name)]
public sealed class JoinPageAccessibilityTests(BrowserFixture browser, JoinPortalFixture portal)
{
    [Fact]
    public Task Join_page_has_no_serious_violations_before_joining_and_in_the_meeting() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var meeting = portal.Meeting("Support office hours");
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/join", "Axe Attendee", "Attendee");
            await Expect(JoinFlow.JoinButton(page)).ToBeEnabledAsync();
            await page.AssertNoSeriousViolationsAsync();

            await JoinFlow.JoinAsync(page);
            await page.AssertNoSeriousViolationsAsync();
        });

    [Fact]
    public Task Start_page_has_no_serious_violations_before_starting_and_in_the_meeting() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var meeting = portal.Meeting("Release readiness");
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/start", "Kenji Sato", "Host", email: "kenji.host@example.com");
            await Expect(JoinFlow.StartButton(page)).ToBeEnabledAsync();
            await page.AssertNoSeriousViolationsAsync();

            await JoinFlow.StartAsync(page);
            await page.AssertNoSeriousViolationsAsync();
        });

    [Fact]
    public Task Refused_start_page_has_no_serious_violations() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var meeting = portal.Meeting("Tokyo partner call");
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/start", "Axe Attendee", "Attendee");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(JoinFlow.OnlyHostCanStart);
            await page.AssertNoSeriousViolationsAsync();
        });
}
