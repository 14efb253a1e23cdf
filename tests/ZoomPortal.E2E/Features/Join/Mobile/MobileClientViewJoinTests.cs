using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Mobile;

/// <summary>A phone opens the ordinary join link, lands on the Client View page, gets into the meeting and leaves.</summary>
[Collection(MobileJoinTests.Name)]
public sealed class MobileClientViewJoinTests(BrowserFixture browser, StaleClockPortalFixture portal)
{
    [Fact]
    public async Task Mobile_attendee_is_sent_to_the_Client_View_joins_and_Leave_returns_to_the_meeting()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WaitForClockAsync();

        const string Name = "Milo Mobile";
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await ClientViewFlow.OpenAsMobileAttendeeAsync(page, Name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();

            await Expect(ClientViewFlow.ClientViewMeeting(page)).ToBeVisibleAsync();
            Assert.Equal(ClientViewFlow.ClientPath(meeting.Id), new Uri(page.Url).AbsolutePath);

            await ClientViewFlow.LeaveButton(page).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/meetings/{meeting.Id}");
            await Expect(JoinPageFlow.SandboxMeeting(page)).ToHaveCountAsync(0);
        }, MobileBrowser.Pixel7());

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
            all => all.Count >= 1 && all.All(a => a.JoinOutcome is not null));
        var attempt = Assert.Single(attempts);
        Assert.Equal((1, JoinAttemptOutcome.Succeeded, (JoinAttemptOutcome?)JoinAttemptOutcome.Succeeded, (int?)null),
            (attempt.AttemptNumber, attempt.Outcome, attempt.JoinOutcome, attempt.ErrorCode));
        // The page records the stand-in as "Sandbox" whichever view it drove (so admins can tell simulated joins apart);
        // that it was the Client View is shown above by the page's path and the #zmmtg-root takeover.
        Assert.Equal(("Sandbox", "Android"), (attempt.SdkView, attempt.OperatingSystem));
    }
}
