using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ZoomPortal.Data;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.States;

/// <summary>
/// The join page says where a join stands: ended, not yet open (Join turns on by itself), waiting or retrying with a
/// Cancel that ends the join as abandoned, a passcode prompt that blames a passcode only once one was typed, and a
/// device check with Chromium's fake camera and microphone. Each state is captured light and dark, desktop and phone.
/// </summary>
[Collection(JoinClockSkewTests.Name)]
public sealed partial class JoinStatesTests(BrowserFixture browser, JoinStatesPortalFixture portal, FakeMediaBrowserFixture media, ITestOutputHelper output)
    : IClassFixture<JoinStatesPortalFixture>, IClassFixture<FakeMediaBrowserFixture>
{
    private const long FabrikamDemo = 85598765431;
    private const long SprintRetrospective = 85598765434;
    private const long WeeklyTeamSync = 84512345671;

    [Fact]
    public async Task An_ended_meeting_says_when_it_ended_and_offers_no_join()
    {
        await portal.WaitForCatalogAsync(SprintRetrospective);
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Edda Ended", "Attendee", returnUrl: $"/meetings/{SprintRetrospective}/join");
            await page.WaitUntilInteractiveAsync();

            await Expect(page.GetByTestId("join-ended")).ToContainTextAsync(EndedAgo());
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Join meeting" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the meeting" })).ToHaveAttributeAsync("href", $"/meetings/{SprintRetrospective}");
            Log(await JoinStatesFlow.CaptureAsync(page, "ended"));
        });
    }

    [Fact]
    public async Task Join_enables_itself_when_joining_opens_by_the_servers_clock_and_cancel_while_waiting_abandons()
    {
        const string Name = "Otto Opening";
        await portal.WaitForCatalogAsync(FabrikamDemo);
        var lead = portal.Server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeetingsOptions>>().Value.JoinLeadTime;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, Name, "Attendee", returnUrl: $"/meetings/{FabrikamDemo}");
            // When the Join button turns on, by the page's own record (this machine's clock, which the server reads too).
            await page.AddInitScriptAsync("""
                new MutationObserver(() => {
                    const join = [...document.querySelectorAll('button[type=submit]')].find(b => b.textContent.trim() === 'Join meeting');
                    if (join && !join.disabled && window.__joinEnabledAt === undefined) window.__joinEnabledAt = Date.now();
                }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
                """);
            // Joining opens seconds from now by the server's clock: long enough for the page to load on a busy machine.
            var opensAt = JoinStatesFlow.ServerNow(portal).AddSeconds(20);
            await JoinStatesFlow.MoveStartAsync(portal, FabrikamDemo, opensAt + lead);
            await page.GotoAsync($"/meetings/{FabrikamDemo}/join");
            await page.WaitUntilInteractiveAsync();

            var join = JoinPageFlow.JoinButton(page);
            var window = page.GetByTestId("join-window");
            await Expect(window).ToContainTextAsync("Joining opens");
            await Expect(window).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(join).ToBeDisabledAsync();
            Log(await JoinStatesFlow.CaptureAsync(page, "not-yet-open"));

            await Expect(join).ToBeEnabledAsync(new() { Timeout = 40_000 });
            var enabledAt = DateTimeOffset.FromUnixTimeMilliseconds(await page.EvaluateAsync<long>("() => window.__joinEnabledAt"));
            await Expect(window).ToContainTextAsync("Joining is open now.");
            // Not before the opening (a few ms for the two clocks' rounding), and promptly after it.
            Assert.True(enabledAt >= opensAt.AddMilliseconds(-5), $"Join was enabled at {enabledAt:O}, before joining opened at {opensAt:O}");
            Assert.True(enabledAt - opensAt < TimeSpan.FromSeconds(3), $"Join was enabled {(enabledAt - opensAt).TotalSeconds:F1} s after joining opened");
            output.WriteLine($"Join enabled {(enabledAt - opensAt).TotalMilliseconds:F0} ms after joining opened (server clock)");
            Log(await JoinStatesFlow.CaptureAsync(page, "opened"));

            // The host has not started it: the page waits for the host, and Cancel ends that.
            await join.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText(CheckingAgain())).ToBeVisibleAsync();
            Log(await JoinStatesFlow.CaptureAsync(page, "waiting-for-host"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/meetings/{FabrikamDemo}");
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name), all => all.Count > 0 && all.All(a => a.JoinOutcome is not null));
        Assert.All(attempts, a => Assert.Equal(JoinAttemptOutcome.Abandoned, a.JoinOutcome));
    }

    [Fact]
    public async Task Cancel_during_a_retry_countdown_returns_to_the_meeting_page_and_the_join_is_abandoned()
    {
        const string Name = "Rita Retry";
        var userId = SandboxJoinPortal.DevelopmentUserId(Name);
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        var sandbox = portal.Sandbox();
        sandbox.ConnectionErrors = 1000;
        var atCancel = (Attempts: 0, Signatures: 0);
        try
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
                await JoinPageFlow.JoinButton(page).ClickAsync();
                await Expect(JoinPageFlow.RetryCountdown(page)).ToBeVisibleAsync();
                Log(await JoinStatesFlow.CaptureAsync(page, "retry-countdown"));

                // Cancel during a countdown (on a busy machine the captures may outlast the first one: then the next).
                await Expect(JoinPageFlow.RetryCountdown(page)).ToBeVisibleAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
                var cancelledAt = DateTimeOffset.UtcNow;
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/meetings/{meeting.Id}");
                await page.AssertNoSeriousViolationsAsync();
                atCancel = await CountsAsync(userId);
                // Past the moment the next retry would have run: no further attempt, no further signature.
                var rest = cancelledAt + JoinStatesFlow.Margin(JoinStatesPortalFixture.NetworkBackOff) - DateTimeOffset.UtcNow;
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest);
                }
            });
        }
        finally
        {
            sandbox.ConnectionErrors = 0;
        }

        var attempts = await portal.WaitForAttemptsAsync(userId, all => all.Count > 0 && all.All(a => a.JoinOutcome is not null));
        Assert.All(attempts, a => Assert.Equal(JoinAttemptOutcome.Abandoned, a.JoinOutcome));
        Assert.Equal(atCancel, await CountsAsync(userId));
        Assert.Equal(atCancel.Attempts, atCancel.Signatures);
    }

    private async Task<(int Attempts, int Signatures)> CountsAsync(string userId)
    {
        var dbs = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbs.CreateDbContextAsync();
        return (await db.JoinAttempts.CountAsync(a => a.UserId == userId), await db.SignatureIssuances.CountAsync(s => s.UserId == userId));
    }

    [Fact]
    public async Task The_passcode_prompt_says_a_passcode_is_needed_then_that_a_typed_one_isnt_right()
    {
        var account = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>();
        await portal.WaitForCatalogAsync(WeeklyTeamSync);
        var original = account.PasscodeOf(WeeklyTeamSync)!;
        // The host changed the passcode in Zoom since the catalog's last refresh: the portal's copy is stale.
        account.ChangePasscode(WeeklyTeamSync, "fresh-2026");
        try
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await JoinPageFlow.OpenAsAttendeeAsync(page, "Paula Passcode", WeeklyTeamSync);
                await JoinPageFlow.JoinButton(page).ClickAsync();

                var field = page.GetByLabel("Meeting passcode");
                await Expect(field).ToBeVisibleAsync();
                var prompt = page.Locator("#join-passcode-prompt");
                await Expect(prompt).ToContainTextAsync("This meeting needs a passcode.");
                await Expect(field).ToHaveAttributeAsync("aria-describedby", new Regex("join-passcode-prompt"));
                await Expect(page.GetByText("isn't right")).ToHaveCountAsync(0);
                Log(await JoinStatesFlow.CaptureAsync(page, "passcode-needed"));

                await field.FillAsync("wrong-1");
                await page.GetByRole(AriaRole.Button, new() { Name = "Join with this passcode" }).ClickAsync();
                await Expect(prompt).ToContainTextAsync("That passcode isn't right.");
                Log(await JoinStatesFlow.CaptureAsync(page, "passcode-wrong"));

                await field.FillAsync("fresh-2026");
                await page.GetByRole(AriaRole.Button, new() { Name = "Join with this passcode" }).ClickAsync();
                await Expect(JoinPageFlow.SandboxMeeting(page)).ToBeVisibleAsync();
            });
        }
        finally
        {
            account.ChangePasscode(WeeklyTeamSync, original);
        }
    }

    [Fact]
    public async Task The_device_check_previews_the_fake_camera_hears_the_fake_microphone_and_the_choice_is_recorded()
    {
        const string Name = "Devi Device";
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await media.RunAsync(portal.BaseUrl, async page =>
        {
            // Keeps every stream the page opens, to see that joining stops them.
            await page.AddInitScriptAsync("""
                window.__streams = [];
                const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
                navigator.mediaDevices.getUserMedia = async c => { const s = await open(c); window.__streams.push(s); return s; };
                """);
            await JoinPageFlow.OpenAsAttendeeAsync(page, Name, meeting.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check camera and microphone" }).ClickAsync();

            var status = page.GetByTestId("device-status");
            await Expect(status).ToContainTextAsync("Your camera works");
            await Expect(status).ToContainTextAsync("Your microphone works: it picks up sound.");
            await Expect(page.GetByLabel("Camera", new() { Exact = true }).Locator("option")).Not.ToHaveCountAsync(0);
            await Expect(page.GetByLabel("Microphone", new() { Exact = true }).Locator("option")).Not.ToHaveCountAsync(0);
            await page.WaitForFunctionAsync("() => document.querySelector('video.device-check-video')?.videoWidth > 0");
            // The fake microphone beeps about once a second: the level moves with it.
            await page.WaitForFunctionAsync("() => document.getElementById('device-level').value > 0");
            Log(await JoinStatesFlow.CaptureAsync(page, "device-check"));

            await JoinPageFlow.JoinButton(page).ClickAsync();
            await Expect(JoinPageFlow.SandboxMeeting(page)).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => window.__streams.length > 0 && window.__streams.every(s => s.getTracks().every(t => t.readyState === 'ended'))");
        });

        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(Name), all => all.Count > 0 && all.All(a => a.JoinOutcome is not null));
        Assert.StartsWith("camera ok: ", attempts[0].Devices, StringComparison.Ordinal);
        Assert.Contains("; microphone ok: ", attempts[0].Devices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_device_check_gives_plain_advice_when_the_camera_and_microphone_are_blocked()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        // The regular browser has no fake-UI switch: it denies what the context was not granted.
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.AddInitScriptAsync("""
                navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
                """);
            await JoinPageFlow.OpenAsAttendeeAsync(page, "Bea Blocked", meeting.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check camera and microphone" }).ClickAsync();

            var status = page.GetByTestId("device-status");
            await Expect(status).ToContainTextAsync("Your browser blocks this site from using the camera.");
            await Expect(status).ToContainTextAsync("Your browser blocks this site from using the microphone.");
            Log(await JoinStatesFlow.CaptureAsync(page, "device-blocked"));
        });
    }

    private void Log(IEnumerable<string> screenshots) => output.WriteLine("screenshots: " + string.Join(", ", screenshots));

    [GeneratedRegex(@"This meeting has ended: it ended .+ \(Europe/London\), \d+ days? ago\.")]
    private static partial Regex EndedAgo();

    [GeneratedRegex(@"Checking again in \d+ s")]
    private static partial Regex CheckingAgain();
}
