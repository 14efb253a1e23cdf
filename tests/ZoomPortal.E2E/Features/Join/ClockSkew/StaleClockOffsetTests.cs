using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>
/// The field report: the server runs 7 minutes ahead of Zoom, and the skew appeared after the portal last measured
/// Zoom's clock. The first signature's iat lies in Zoom's future (3712); the page counts down, the server re-measures,
/// signs again and the second attempt gets in.
/// </summary>
[Collection(JoinClockSkewTests.Name)]
public sealed class StaleClockOffsetTests(BrowserFixture browser, StaleClockPortalFixture portal) : IClassFixture<StaleClockPortalFixture>
{
    private const int InvalidSignature = 3712;
    private const double ToleranceMs = 2_000;
    private static readonly TimeSpan ZoomBehindServer = TimeSpan.FromMinutes(-7);

    [Fact]
    public async Task Server_ahead_of_Zoom_since_the_last_measurement_fails_once_with_3712_then_remeasures_and_joins()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WithZoomClockMovedAsync(ZoomBehindServer, async () =>
        {
            const string Name = "Stella Stale";
            var supportCode = string.Empty;
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
                await JoinPageFlow.JoinButton(page).ClickAsync();

                var countdown = JoinPageFlow.RetryCountdown(page);
                await Expect(countdown).ToBeVisibleAsync();
                supportCode = JoinPageFlow.SupportCodeIn(await countdown.InnerTextAsync());
                await Expect(JoinPageFlow.SandboxMeeting(page)).ToBeVisibleAsync();
            });

            Assert.InRange((portal.ZoomClock().Current.Offset - ZoomBehindServer).TotalMilliseconds, -ToleranceMs, ToleranceMs);
            var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
                all => all.Count >= 2 && all.All(a => a.JoinOutcome == JoinAttemptOutcome.Succeeded));
            var description = SandboxJoinPortal.Describe(attempts);
            Assert.True(attempts.Count == 2, description);
            Assert.Single(attempts.Select(a => a.JoinId).Distinct());
            Assert.All(attempts, a => Assert.Equal(supportCode, a.SupportCode));

            var first = attempts[0];
            Assert.Equal((1, JoinAttemptOutcome.Failed, (int?)InvalidSignature, JoinErrorCategory.Signature), (first.AttemptNumber, first.Outcome, first.ErrorCode, first.ErrorCategory));
            // Signed on the stale estimate.
            Assert.InRange(first.ZoomClockOffsetMs ?? double.NaN, -ToleranceMs, ToleranceMs);

            var second = attempts[1];
            Assert.Equal((2, JoinAttemptOutcome.Succeeded, (int?)null), (second.AttemptNumber, second.Outcome, second.ErrorCode));
            Assert.InRange(second.ZoomClockOffsetMs ?? double.NaN, ZoomBehindServer.TotalMilliseconds - ToleranceMs, ZoomBehindServer.TotalMilliseconds + ToleranceMs);
        });
    }
}
