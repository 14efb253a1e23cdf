using System.Diagnostics;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// The real Meeting SDK 6.2.0 (Component View) on the join page with Zoom out of reach: it loads from /zoom-sdk,
/// inits, and its join rejects with -3000 "connection error"; the portal says so, records it and stops in time.
/// </summary>
[Collection(RealSdkJoins.Name)]
public sealed class RealSdkOfflineJoinTests(BrowserFixture browser, RealSdkPortalFixture portal)
{
    private const int ConnectionError = -3000;
    private const string SdkVersion = "6.2.0";
    private static readonly TimeSpan JoinLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Offline_join_fails_with_the_sdks_connection_error_and_stops_after_max_attempts_with_a_network_message()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        const string Name = "Olive Offline";
        var supportCode = string.Empty;
        SdkTraffic? traffic = null;
        var cspViolations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            traffic = SdkTraffic.Record(page);
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    cspViolations.Enqueue(message.Text);
                }
            };
            await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);

            var clock = Stopwatch.StartNew();
            await JoinPageFlow.JoinButton(page).ClickAsync();
            var alert = JoinPageFlow.StopAlertMarkup(page);
            await Expect(alert).ToBeVisibleAsync(new() { Timeout = (float)JoinLimit.TotalMilliseconds });
            Assert.True(clock.Elapsed < JoinLimit, $"The join took {clock.Elapsed} to give up.");

            var text = await alert.InnerTextAsync();
            Assert.Contains("We still couldn't reach Zoom after several tries, so we stopped trying.", text, StringComparison.Ordinal);
            supportCode = JoinPageFlow.SupportCodeIn(text);

            // Zoom's own failure dialog is switched off (init customize.isShowJoiningErrorDialog = false): nothing covers
            // the portal's message or hides it from assistive technology, and its way forward is there at once.
            await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Fail to join the meeting." })).ToHaveCountAsync(0);
            await RealSdkWebClockTests.AssertTopmostAndAnnouncedAsync(page);
            await Expect(JoinPageFlow.StopAlert(page)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Try again", Exact = true })).ToBeVisibleAsync();
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
            all => all.Count >= RealSdkPortalFixture.MaxAttempts && all.All(a => a.JoinOutcome is not null));
        Assert.True(attempts.Count == RealSdkPortalFixture.MaxAttempts, SandboxJoinPortal.Describe(attempts));
        Assert.All(attempts, a =>
        {
            Assert.Equal(supportCode, a.SupportCode);
            Assert.Equal((JoinAttemptOutcome.Failed, (int?)ConnectionError, JoinErrorCategory.Network, (JoinAttemptOutcome?)JoinAttemptOutcome.Failed),
                (a.Outcome, a.ErrorCode, a.ErrorCategory, a.JoinOutcome));
            Assert.Equal(("Component", SdkVersion), (a.SdkView, a.SdkVersion));
            // The page asks for a signature only after init succeeded.
            Assert.NotNull(a.SignatureIssuedAt);
        });

        // The join page's Content Security Policy lets the real SDK load, init and try Zoom without a single violation.
        Assert.True(cspViolations.IsEmpty, string.Join('\n', cspViolations));

        // Self-hosted: the SDK's scripts came from the portal, and nothing elsewhere answered although the SDK tried Zoom.
        Assert.Contains(traffic!.LoopbackAnswered, r => r.StartsWith("200 ", StringComparison.Ordinal) && r.EndsWith($"/zoom-sdk/{SdkVersion}/zoom-meeting-embedded-ES5.min.js", StringComparison.Ordinal));
        Assert.Empty(traffic.OffHostAnswered);
        Assert.Contains(traffic.OffHostRequests, url => new Uri(url).Host.EndsWith("zoom.us", StringComparison.OrdinalIgnoreCase));
        // One call to Zoom's web service per recorded attempt: nothing retried behind the portal's back.
        Assert.Equal(attempts.Count, traffic.OffHostRequests.Count(url => new Uri(url).AbsolutePath.EndsWith("/wc/info", StringComparison.Ordinal)));
    }
}
