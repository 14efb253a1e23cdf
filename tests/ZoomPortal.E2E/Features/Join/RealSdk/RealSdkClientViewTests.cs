using System.Collections.Concurrent;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Features.Join.Mobile;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// The real Meeting SDK 6.2.0 Client View (the page <c>/meetings/{id}/join/client</c>), on a phone (Pixel 7 emulation: the
/// portal sends it there by itself) and on a desktop that opens the page directly. Zoom's web service
/// (<see cref="ZoomWebService"/>) has its own clock, 7 min behind (3712) or 3 h ahead (3705) of the API clock the portal
/// measures: a widened signature passes wc/info within 3 attempts, each attempt on a fresh page. Zoom's meeting servers
/// are out of reach, so the Client View then hangs on its own "Joining" screen; the portal's join timeout ends the attempt,
/// the back-off counts down, and the page stops with the network message and the support code. Throughout, Zoom's
/// whole-page UI neither covers the portal's status nor hides it from screen readers, and nothing the page asks for 404s.
/// </summary>
[Collection(RealSdkJoins.Name)]
public sealed class RealSdkClientViewTests(BrowserFixture browser, RealSdkPortalFixture portal)
{
    [Fact]
    public Task Mobile_Zoom_web_7_minutes_behind_passes_wc_info_within_3_attempts() =>
        AssertAsync("Mia Mobilebehind", mobile: true, TimeSpan.FromMinutes(-7), "Invalid signature.");

    [Fact]
    public Task Mobile_Zoom_web_3_hours_ahead_passes_wc_info_within_3_attempts() =>
        AssertAsync("Max Mobileahead", mobile: true, TimeSpan.FromHours(3), "The signature has expired.");

    [Fact]
    public Task Desktop_Client_View_Zoom_web_7_minutes_behind_passes_wc_info_within_3_attempts() =>
        AssertAsync("Dora Desktopbehind", mobile: false, TimeSpan.FromMinutes(-7), "Invalid signature.");

    [Fact]
    public Task Desktop_Client_View_Zoom_web_3_hours_ahead_passes_wc_info_within_3_attempts() =>
        AssertAsync("Dirk Desktopahead", mobile: false, TimeSpan.FromHours(3), "The signature has expired.");

    /// <summary>
    /// When the status first shows a countdown on a page, checks that it is topmost at its centre and not inside an
    /// aria-hidden subtree; the results survive the retries' page loads in sessionStorage.
    /// </summary>
    private const string CheckEveryCountdown = """
        (() => {
            let checked = false;
            new MutationObserver(() => {
                const status = document.querySelector('.join-progress');
                if (checked || !status || !/Retrying in/.test(status.textContent)) return;
                checked = true;
                const box = status.getBoundingClientRect();
                const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                let result = top && status.contains(top) ? 'ok' : 'covered by ' + (top?.outerHTML ?? 'nothing').slice(0, 200);
                for (let node = status; node && result === 'ok'; node = node.parentElement) {
                    if (node.getAttribute('aria-hidden') === 'true') result = 'inside aria-hidden ' + node.tagName + '#' + node.id;
                }
                const all = JSON.parse(sessionStorage.getItem('countdownChecks') ?? '[]');
                all.push(result);
                sessionStorage.setItem('countdownChecks', JSON.stringify(all));
            }).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """;

    private async Task AssertAsync(string name, bool mobile, TimeSpan zoomWebSkew, string firstRejection)
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WaitForClockAsync();
        ZoomWebService? zoom = null;
        var notFound = new ConcurrentQueue<string>();
        string[] countdowns = [];
        var supportCode = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            zoom = await ZoomWebService.AnswerAsync(page, SandboxSdkCredentials.ClientSecret, zoomWebSkew);
            page.Context.Response += (_, response) =>
            {
                if (response.Status == 404)
                {
                    notFound.Enqueue(response.Url);
                }
            };
            await page.AddInitScriptAsync(CheckEveryCountdown);
            if (mobile)
            {
                await ClientViewFlow.OpenAsMobileAttendeeAsync(page, name, meeting.Id);
            }
            else
            {
                await DevelopmentSignInFlow.SignInAsync(page, name, "Attendee", returnUrl: ClientViewFlow.ClientPath(meeting.Id));
                await page.WaitUntilInteractiveAsync();
                await Expect(JoinPageFlow.JoinButton(page)).ToBeEnabledAsync();
            }

            await JoinPageFlow.JoinButton(page).ClickAsync();

            var alert = JoinPageFlow.StopAlertMarkup(page);
            await Expect(alert).ToContainTextAsync("a firewall or proxy", new() { Timeout = 120_000 });
            supportCode = JoinPageFlow.SupportCodeIn(await alert.InnerTextAsync());
            await RealSdkWebClockTests.AssertTopmostAndAnnouncedAsync(page);
            await Expect(JoinPageFlow.StopAlert(page)).ToBeVisibleAsync();
            Assert.Equal(ClientViewFlow.ClientPath(meeting.Id), new Uri(page.Url).AbsolutePath);
            countdowns = await page.EvaluateAsync<string[]>("() => JSON.parse(sessionStorage.getItem('countdownChecks') ?? '[]')");
        }, mobile ? MobileBrowser.Pixel7() : null);

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(name),
            all => all.Count >= RealSdkPortalFixture.MaxAttempts && all.All(a => a.JoinOutcome is not null));
        var description = SandboxJoinPortal.Describe(attempts) + " | wc/info: " + string.Join(", ", zoom!.Calls.Select(c => c.Verdict ?? "accepted"));
        Assert.True(zoom.Calls.Count == attempts.Count, description);
        Assert.Equal(zoom.Calls.Count, zoom.Calls.Select(c => c.Signature).Distinct().Count());
        Assert.Equal(firstRejection, zoom.Calls[0].Verdict);
        var accepted = zoom.Calls.Select((call, index) => (call, index)).First(c => c.call.Verdict is null).index + 1;
        Assert.InRange(accepted, 2, 3);
        Assert.NotEqual(SignatureWindowKind.Measured, attempts[accepted - 1].SignatureWindow);
        Assert.All(attempts, a =>
        {
            Assert.Equal(("Client", "6.2.0"), (a.SdkView, a.SdkVersion));
            Assert.Equal(supportCode, a.SupportCode);
            Assert.Equal(JoinAttemptOutcome.Failed, a.JoinOutcome);
        });
        // Past wc/info the Client View calls no callback: the portal's join timeout ends those attempts.
        Assert.All(attempts.Skip(accepted - 1), a => Assert.Equal(PortalErrorCodes.SdkTimeout, a.ErrorCode));
        // A countdown was shown before each retry (each on its own page), on top and announced when it appeared.
        Assert.Equal(attempts.Count - 1, countdowns.Length);
        Assert.All(countdowns, check => Assert.Equal("ok", check));
        Assert.True(notFound.IsEmpty, string.Join('\n', notFound));
    }
}
