using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>
/// Zoom's web servers disagree with the clock its API shows (Zoom:Sandbox:JoinClockSkew), so re-measuring finds
/// nothing: the portal widens the signature's window in the direction Zoom pointed and the attendee gets in within
/// Join:MaxAttempts, with true words on the page and in the admin's diagnosis, as the admin reads it in the join-attempt
/// details drawer on /admin/join-errors.
/// </summary>
[Collection(JoinClockSkewTests.Name)]
public sealed class ZoomWebClockTests(BrowserFixture browser, ZoomWebBehindPortalFixture behind, ZoomWebAheadPortalFixture ahead)
    : IClassFixture<ZoomWebBehindPortalFixture>, IClassFixture<ZoomWebAheadPortalFixture>
{
    [Fact]
    public Task Zoom_web_30_minutes_behind_its_API_gets_in_by_moving_iat_earlier() =>
        AssertGetsInAsync(behind, "Bea Behind", 3712, SignatureWindowKind.WidenedEarlier, "behind");

    [Fact]
    public Task Zoom_web_3_hours_ahead_of_its_API_gets_in_by_moving_exp_later() =>
        AssertGetsInAsync(ahead, "Abe Ahead", 3705, SignatureWindowKind.WidenedLater, "ahead of");

    private async Task AssertGetsInAsync(PortalFixture portal, string name, int firstError, SignatureWindowKind widened, string direction)
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WaitForClockAsync();

        var supportCode = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await JoinPageFlow.RecordStatusHistoryAsync(page);
            await JoinPageFlow.OpenAsAttendeeAsync(page, name, meeting.Id);
            await JoinPageFlow.JoinButton(page).ClickAsync();

            await Expect(JoinPageFlow.RetryCountdown(page)).ToContainTextAsync("its clock disagreed with ours");
            supportCode = JoinPageFlow.SupportCodeIn(await JoinPageFlow.RetryCountdown(page).InnerTextAsync());
            await Expect(JoinPageFlow.SandboxMeeting(page)).ToBeVisibleAsync();
            var history = await JoinPageFlow.StatusHistoryAsync(page);
            Assert.Contains(history, text => text.Contains("Zoom's clock disagreed with ours; we widened the signature's time window and are trying again.", StringComparison.Ordinal));
            Assert.DoesNotContain(history, text => text.Contains("fixed", StringComparison.Ordinal));
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(name),
            all => all.Count >= 1 && all.All(a => a.JoinOutcome is not null));
        var description = SandboxJoinPortal.Describe(attempts);
        Assert.True(attempts.Count is >= 2 and <= 3, description);
        Assert.All(attempts, a => Assert.Equal(JoinAttemptOutcome.Succeeded, a.JoinOutcome));
        var first = attempts[0];
        Assert.Equal((JoinAttemptOutcome.Failed, (int?)firstError, JoinErrorCategory.Signature, (SignatureWindowKind?)SignatureWindowKind.Measured),
            (first.Outcome, first.ErrorCode, first.ErrorCategory, first.SignatureWindow));
        var last = attempts[^1];
        Assert.Equal((JoinAttemptOutcome.Succeeded, (SignatureWindowKind?)widened), (last.Outcome, last.SignatureWindow));
        // Never wider than Zoom allows.
        Assert.All(attempts, a => Assert.InRange((a.SignatureExpiresAt!.Value - a.SignatureIssuedAt!.Value).TotalSeconds, 1800, 172_800));

        var diagnosis = JoinDiagnosis.Describe(first, attempts);
        Assert.Contains("widened", diagnosis, StringComparison.Ordinal);
        Assert.Contains($"Zoom's web servers were at least", diagnosis, StringComparison.Ordinal);
        Assert.Contains(direction, diagnosis, StringComparison.Ordinal);
        Assert.DoesNotContain("key", diagnosis, StringComparison.OrdinalIgnoreCase);

        // What the admin sees: the drawer of the first attempt explains it, and the attempt that got in says how.
        await browser.RunAsync(portal.BaseUrl, async admin =>
        {
            await DevelopmentSignInFlow.SignInAsync(admin, "Ada Admin", "Admin", returnUrl: "/admin/join-errors");
            await admin.WaitUntilInteractiveAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = $"Details of attempt 1 of {supportCode}" }).ClickAsync();
            var drawer = admin.GetByTestId("attempt-drawer");
            await Expect(drawer.GetByRole(AriaRole.Heading, new() { Name = $"Join {supportCode}" })).ToBeVisibleAsync();
            var shown = drawer.GetByTestId("diagnosis");
            await Expect(shown).ToHaveTextAsync(diagnosis);
            await Expect(shown).ToContainTextAsync($"attempt {last.AttemptNumber} got in, so Zoom's web servers were at least");
            await Expect(shown).ToContainTextAsync(direction + " its API clock");
            await Expect(drawer).ToContainTextAsync($"Joined on attempt {last.AttemptNumber} with a widened signature window ({(widened == SignatureWindowKind.WidenedEarlier ? "iat earlier" : "exp later")}");
            await Expect(drawer).Not.ToContainTextAsync("key or secret");
        });
    }
}
