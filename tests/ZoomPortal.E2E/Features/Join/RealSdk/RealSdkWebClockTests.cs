using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// The real Meeting SDK 6.2.0 (Component View) with Zoom's web service answered by <see cref="ZoomWebService"/>: its clock
/// disagrees with the clock Zoom's API shows (which the portal measures in sync). The widened window passes Zoom's rules
/// within 3 attempts; Zoom's servers are then out of reach, so the page backs off and stops with the network message.
/// Zoom's own failure dialog never covers or hides the portal's status, and every wc/info call is one recorded attempt.
/// </summary>
[Collection(RealSdkJoins.Name)]
public sealed class RealSdkWebClockTests(BrowserFixture browser, RealSdkPortalFixture portal)
{
    [Fact]
    public Task Zoom_web_7_minutes_behind_passes_wc_info_within_3_attempts() =>
        AssertAsync("Wes Webclock", TimeSpan.FromMinutes(-7), "Invalid signature.");

    [Fact]
    public Task Zoom_web_3_hours_ahead_passes_wc_info_within_3_attempts() =>
        AssertAsync("Ada Ahead", TimeSpan.FromHours(3), "The signature has expired.");

    private async Task AssertAsync(string name, TimeSpan zoomWebSkew, string firstRejection)
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WaitForClockAsync();
        ZoomWebService? zoom = null;
        var notFound = new List<string>();
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            zoom = await ZoomWebService.AnswerAsync(page, SandboxSdkCredentials.ClientSecret, zoomWebSkew);
            page.Response += (_, response) =>
            {
                if (response.Status == 404)
                {
                    notFound.Add(response.Url);
                }
            };
            await JoinPageFlow.OpenAsAttendeeAsync(page, name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();

            var alert = JoinPageFlow.StopAlert(page);
            await Expect(alert).ToContainTextAsync("a firewall or proxy", new() { Timeout = 60_000 });
            await AssertTopmostAndAnnouncedAsync(page);
            await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Fail to join the meeting." })).ToHaveCountAsync(0);
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(name),
            all => all.Count >= 1 && all.All(a => a.JoinOutcome is not null));
        var description = SandboxJoinPortal.Describe(attempts) + " | wc/info: " + string.Join(", ", zoom!.Calls.Select(c => c.Verdict ?? "accepted"));
        Assert.True(zoom.Calls.Count == attempts.Count, description);
        Assert.Equal(zoom.Calls.Count, zoom.Calls.Select(c => c.Signature).Distinct().Count());
        Assert.Equal(firstRejection, zoom.Calls[0].Verdict);
        var accepted = zoom.Calls.Select((call, index) => (call, index)).First(c => c.call.Verdict is null).index + 1;
        Assert.InRange(accepted, 2, 3);
        Assert.NotEqual(SignatureWindowKind.Measured, attempts[accepted - 1].SignatureWindow);
        Assert.All(attempts.Skip(accepted - 1), a => Assert.Equal(JoinErrorCategory.Network, a.ErrorCategory));
        Assert.All(attempts, a => Assert.Equal(JoinAttemptOutcome.Failed, a.JoinOutcome));
        Assert.Empty(notFound);
    }

    /// <summary>The portal's status is what a user sees at its centre (nothing on top) and is not hidden from screen readers.</summary>
    internal static async Task AssertTopmostAndAnnouncedAsync(IPage page)
    {
        var check = await page.EvaluateAsync<string>("""
            () => {
                const status = document.querySelector('.join-progress');
                if (!status) return 'no status element';
                const box = status.getBoundingClientRect();
                const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                if (!top || !status.contains(top)) return 'covered by ' + (top?.outerHTML ?? 'nothing').slice(0, 200);
                for (let node = status; node; node = node.parentElement) {
                    if (node.getAttribute('aria-hidden') === 'true') return 'inside aria-hidden ' + node.tagName + '#' + node.id + '.' + node.className;
                }
                return 'ok';
            }
            """);
        Assert.Equal("ok", check);
    }
}
