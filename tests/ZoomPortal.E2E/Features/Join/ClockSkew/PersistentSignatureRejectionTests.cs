using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>
/// Zoom keeps rejecting every signature although the portal re-measures and widens the window as far as the
/// organisation's 30-minute cap allows (its web servers' clock is an hour behind its API's): the page stops after
/// Join:MaxAttempts with a clear message and the support code.
/// </summary>
[Collection(JoinClockSkewTests.Name)]
public sealed class PersistentSignatureRejectionTests(BrowserFixture browser, DisagreeingZoomPortalFixture portal) : IClassFixture<DisagreeingZoomPortalFixture>
{
    private const int InvalidSignature = 3712;
    private const double ToleranceMs = 2_000;

    [Fact]
    public async Task Signature_rejected_on_every_attempt_stops_after_max_attempts_showing_the_support_code()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WaitForClockAsync();

        const string Name = "Reno Rejected";
        var supportCode = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();

            var alert = JoinPageFlow.StopAlert(page);
            await Expect(alert).ToBeVisibleAsync();
            await Expect(alert).ToContainTextAsync("even with a signature valid over a wider time window, so we stopped trying");
            supportCode = JoinPageFlow.SupportCodeIn(await alert.InnerTextAsync());
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Try again", Exact = true })).ToBeVisibleAsync();
            await Expect(JoinPageFlow.SandboxMeeting(page)).ToHaveCountAsync(0);
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
            all => all.Count >= DisagreeingZoomPortalFixture.MaxAttempts && all.All(a => a.JoinOutcome is not null));
        Assert.True(attempts.Count == DisagreeingZoomPortalFixture.MaxAttempts, SandboxJoinPortal.Describe(attempts));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.AttemptNumber));
        Assert.All(attempts, a =>
        {
            Assert.Equal(supportCode, a.SupportCode);
            Assert.Equal((JoinAttemptOutcome.Failed, (int?)InvalidSignature, JoinErrorCategory.Signature, (JoinAttemptOutcome?)JoinAttemptOutcome.Failed),
                (a.Outcome, a.ErrorCode, a.ErrorCategory, a.JoinOutcome));
            // The Date header never showed the join check's skew: every re-measurement still finds ~0.
            Assert.InRange(a.ZoomClockOffsetMs ?? double.NaN, -ToleranceMs, ToleranceMs);
        });
    }
}
