using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// The real Meeting SDK 6.2.0 (Component View) with Zoom's web service accepting every signature (<see cref="ZoomWebService"/>
/// with its clock in sync) but Zoom's meeting servers out of reach: the SDK goes past wc/info and rejects the join with
/// <c>{errorCode 200, reason "connection error"}</c>. The portal files it as a network error, backs off with a visible
/// countdown, tries again with a fresh signature, and stops with the network message and the support code.
/// </summary>
[Collection(RealSdkJoins.Name)]
public sealed class RealSdkConnectionErrorTests(BrowserFixture browser, RealSdkPortalFixture portal)
{
    private const int ComponentViewConnectionError = 200;

    [Fact]
    public async Task Connection_error_after_a_passed_wc_info_backs_off_retries_and_stops_with_the_network_message()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WaitForClockAsync();
        const string Name = "Nina Network";
        ZoomWebService? zoom = null;
        IReadOnlyList<string> history = [];
        var supportCode = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            zoom = await ZoomWebService.AnswerAsync(page, SandboxSdkCredentials.ClientSecret, TimeSpan.Zero);
            await JoinPageFlow.RecordStatusHistoryAsync(page);
            await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();

            var alert = JoinPageFlow.StopAlert(page);
            await Expect(alert).ToContainTextAsync("a firewall or proxy", new() { Timeout = 90_000 });
            supportCode = JoinPageFlow.SupportCodeIn(await alert.InnerTextAsync());
            await RealSdkWebClockTests.AssertTopmostAndAnnouncedAsync(page);
            history = await JoinPageFlow.StatusHistoryAsync(page);
        });

        // The back-off was shown as a countdown with the network wording before the page tried again.
        Assert.Contains(history, text => text.Contains("We couldn't connect to Zoom's meeting servers. We'll try again.", StringComparison.Ordinal) &&
                                         text.Contains("Retrying in", StringComparison.Ordinal));

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
            all => all.Count >= RealSdkPortalFixture.MaxAttempts && all.All(a => a.JoinOutcome is not null));
        var description = SandboxJoinPortal.Describe(attempts) + " | wc/info: " + string.Join(", ", zoom!.Calls.Select(c => c.Verdict ?? "accepted"));
        Assert.True(attempts.Count == RealSdkPortalFixture.MaxAttempts, description);
        // Every attempt passed Zoom's web service: the failure came after it, from the meeting servers.
        Assert.True(zoom.Calls.Count == attempts.Count, description);
        Assert.All(zoom.Calls, call => Assert.Null(call.Verdict));
        Assert.Equal(zoom.Calls.Count, zoom.Calls.Select(c => c.Signature).Distinct().Count());
        Assert.All(attempts, a =>
        {
            Assert.Equal((JoinAttemptOutcome.Failed, (int?)ComponentViewConnectionError, JoinErrorCategory.Network), (a.Outcome, a.ErrorCode, a.ErrorCategory));
            Assert.Equal(supportCode, a.SupportCode);
            Assert.Equal(SignatureWindowKind.Measured, a.SignatureWindow);
        });
    }
}
