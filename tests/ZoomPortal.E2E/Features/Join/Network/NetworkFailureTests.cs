using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Features.Join.Mobile;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Network;

/// <summary>
/// Network errors are network errors: after Zoom accepted the join, its meeting servers cannot be reached. The page
/// backs off with a visible countdown, tries again, then stops with a message about the network and the support code.
/// </summary>
[Collection(JoinClockSkewTests.Name)]
public sealed class NetworkFailureTests(BrowserFixture browser, NetworkFailurePortalFixture portal) : IClassFixture<NetworkFailurePortalFixture>
{
    private const string NetworkAdvice = "a firewall or proxy";

    [Fact]
    public async Task Component_view_connection_error_backs_off_retries_then_stops_with_the_network_message()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        const string Name = "Nina Network";
        var supportCode = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();

            await Expect(JoinPageFlow.RetryCountdown(page)).ToContainTextAsync("We couldn't connect to Zoom's meeting servers.");
            var alert = JoinPageFlow.StopAlert(page);
            await Expect(alert).ToContainTextAsync(NetworkAdvice);
            supportCode = JoinPageFlow.SupportCodeIn(await alert.InnerTextAsync());
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
            all => all.Count >= NetworkFailurePortalFixture.MaxAttempts && all.All(a => a.JoinOutcome is not null));
        Assert.True(attempts.Count == NetworkFailurePortalFixture.MaxAttempts, SandboxJoinPortal.Describe(attempts));
        Assert.All(attempts, a => Assert.Equal((supportCode, (int?)200, JoinErrorCategory.Network, (JoinAttemptOutcome?)JoinAttemptOutcome.Failed),
            (a.SupportCode, a.ErrorCode, a.ErrorCategory, a.JoinOutcome)));
        // Backed off between the attempts (Join:NetworkBackOff = 2 s).
        Assert.True(attempts[1].StartedAt - attempts[0].FinishedAt!.Value >= TimeSpan.FromSeconds(1.5), SandboxJoinPortal.Describe(attempts));
    }

    [Fact]
    public async Task Client_view_that_never_connects_times_out_retries_on_a_fresh_page_then_stops_with_the_network_message()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        const string Name = "Milo Mobile Network";
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await ClientViewFlow.OpenAsMobileAttendeeAsync(page, Name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();

            await Expect(JoinPageFlow.RetryCountdown(page)).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Expect(JoinPageFlow.StopAlert(page)).ToContainTextAsync(NetworkAdvice, new() { Timeout = 30_000 });
        }, MobileBrowser.Pixel7());

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
            all => all.Count >= NetworkFailurePortalFixture.MaxAttempts && all.All(a => a.JoinOutcome is not null));
        Assert.All(attempts, a => Assert.Equal((PortalErrorCodes.SdkTimeout, JoinErrorCategory.Timeout), (a.ErrorCode ?? 0, a.ErrorCategory)));
        Assert.Equal(NetworkFailurePortalFixture.MaxAttempts, attempts.Count);
    }
}
