using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>The same 7-minute skew, but present when the portal measured Zoom's clock at start-up: no failed attempt at all.</summary>
[Collection(JoinClockSkewTests.Name)]
public sealed class MeasuredClockOffsetTests(BrowserFixture browser, MeasuredSkewPortalFixture portal) : IClassFixture<MeasuredSkewPortalFixture>
{
    private const double ToleranceMs = 2_000;
    private static readonly TimeSpan ZoomBehindServer = TimeSpan.FromMinutes(-7);

    [Fact]
    public async Task Server_ahead_of_Zoom_with_the_offset_already_measured_joins_on_the_first_attempt()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        var measured = await portal.WaitForClockAsync();
        Assert.InRange((measured.Offset - ZoomBehindServer).TotalMilliseconds, -ToleranceMs, ToleranceMs);

        const string Name = "Mia Measured";
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();
            await Expect(JoinPageFlow.SandboxMeeting(page)).ToBeVisibleAsync();
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
            all => all.Count >= 1 && all.All(a => a.JoinOutcome is not null));
        var attempt = Assert.Single(attempts);
        Assert.Equal((1, JoinAttemptOutcome.Succeeded, JoinAttemptOutcome.Succeeded, (int?)null),
            (attempt.AttemptNumber, attempt.Outcome, attempt.JoinOutcome, attempt.ErrorCode));
        Assert.InRange(attempt.ZoomClockOffsetMs ?? double.NaN, ZoomBehindServer.TotalMilliseconds - ToleranceMs, ZoomBehindServer.TotalMilliseconds + ToleranceMs);
    }
}
