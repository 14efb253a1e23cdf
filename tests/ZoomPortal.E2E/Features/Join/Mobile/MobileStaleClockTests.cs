using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Mobile;

/// <summary>
/// The field report on a phone: Zoom's clock fell 7 minutes behind the server's after the portal measured it. The
/// Client View ignores a second join on the same page, so after the 3712 the page reloads itself, the server
/// re-measures, signs again and the reloaded page gets in, as the same join with the same support code.
/// </summary>
[Collection(MobileJoinTests.Name)]
public sealed class MobileStaleClockTests(BrowserFixture browser, StaleClockPortalFixture portal)
{
    private const int InvalidSignature = 3712;
    private const double ToleranceMs = 2_000;
    private const string FirstDocumentMarker = "zoomPortalFirstDocument";
    private static readonly TimeSpan ZoomBehindServer = TimeSpan.FromMinutes(-7);

    [Fact]
    public async Task Client_View_rejected_with_3712_reloads_with_a_fresh_signature_and_joins_as_the_same_join()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WithZoomClockMovedAsync(ZoomBehindServer, async () =>
        {
            const string Name = "Paloma Phone";
            var supportCode = string.Empty;
            var documents = new List<string>();
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await ClientViewFlow.OpenAsMobileAttendeeAsync(page, Name, meeting.Id);
                // A value on the first document's window: gone only if the page really loaded again.
                await page.EvaluateAsync($"() => {{ window.{FirstDocumentMarker} = true; }}");
                page.Load += (_, loaded) => documents.Add(loaded.Url);
                await JoinPageFlow.JoinButton(page).ClickAsync();

                var countdown = JoinPageFlow.RetryCountdown(page);
                await Expect(countdown).ToBeVisibleAsync();
                supportCode = JoinPageFlow.SupportCodeIn(await countdown.InnerTextAsync());

                await Expect(ClientViewFlow.ClientViewMeeting(page)).ToBeVisibleAsync();
                Assert.False(await page.EvaluateAsync<bool>($"() => window.{FirstDocumentMarker} === true"), "The Client View retried on the page that had already joined once.");
                var reloaded = Assert.Single(documents);
                var url = new Uri(reloaded);
                Assert.Equal(ClientViewFlow.ClientPath(meeting.Id), url.AbsolutePath);
                Assert.Contains("attempt=2", url.Query, StringComparison.Ordinal);
                Assert.Contains("remeasure=1", url.Query, StringComparison.Ordinal);
            }, MobileBrowser.Pixel7());

            Assert.InRange((portal.ZoomClock().Current.Offset - ZoomBehindServer).TotalMilliseconds, -ToleranceMs, ToleranceMs);
            var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name),
                all => all.Count >= 2 && all.All(a => a.JoinOutcome is not null));
            var description = SandboxJoinPortal.Describe(attempts);
            Assert.True(attempts.Count == 2, description);
            Assert.True(attempts.Select(a => a.JoinId).Distinct().Count() == 1, description);
            Assert.All(attempts, a => Assert.Equal(supportCode, a.SupportCode));
            Assert.All(attempts, a => Assert.Equal(JoinAttemptOutcome.Succeeded, a.JoinOutcome));

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
