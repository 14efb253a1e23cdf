using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Features.Join.States;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Localisation;

/// <summary>
/// The join page for a browser that asks for German: every state a join passes through (ended, not yet open, waiting
/// for the host, a retry's countdown, the passcode prompt, the device check) in German, with no English left in the
/// page, axe-clean, and captured as <c>join-de-{state}-{light|dark}-{1280|412}.png</c>.
/// </summary>
[Collection(JoinClockSkewTests.Name)]
public sealed partial class GermanJoinTests(BrowserFixture browser, JoinStatesPortalFixture portal, FakeMediaBrowserFixture media, ITestOutputHelper output)
    : IClassFixture<JoinStatesPortalFixture>, IClassFixture<FakeMediaBrowserFixture>
{
    private const long FabrikamDemo = 85598765431;
    private const long SprintRetrospective = 85598765434;
    private const long WeeklyTeamSync = 84512345671;

    private static readonly BrowserNewContextOptions German = new() { Locale = "de-DE" };

    // Words of the join page's English that its German never uses (meeting topics are data and stay as they are).
    private static readonly string[] EnglishMarkers =
        ["Join", "Cancel", "Retrying", "Checking", "Support code", "passcode", "Back to", "Camera", "Microphone", "Waiting", " the ", "You", "We "];

    [Fact]
    public async Task An_ended_meeting_and_a_meeting_not_yet_open_speak_german_and_waiting_for_the_host_cancels_in_german()
    {
        await portal.WaitForCatalogAsync(SprintRetrospective);
        await portal.WaitForCatalogAsync(FabrikamDemo);
        var lead = portal.Server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeetingsOptions>>().Value.JoinLeadTime;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Erika Ende", "Attendee", returnUrl: $"/meetings/{SprintRetrospective}/join");
            await page.WaitUntilInteractiveAsync();
            Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
            await Expect(page.GetByTestId("join-ended")).ToContainTextAsync(EndedAgo());
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Meeting" })).ToHaveAttributeAsync("href", $"/meetings/{SprintRetrospective}");
            await AssertNoEnglishAsync(page);
            Log(await JoinStatesFlow.CaptureAsync(page, "de-ended"));

            // Joining opens well after the captures: the page says when, in German dates, and keeps Join off.
            var opensAt = JoinStatesFlow.ServerNow(portal).AddSeconds(25);
            await JoinStatesFlow.MoveStartAsync(portal, FabrikamDemo, opensAt + lead);
            await page.GotoAsync($"/meetings/{FabrikamDemo}/join");
            await page.WaitUntilInteractiveAsync();
            var window = page.GetByTestId("join-window");
            await Expect(window).ToContainTextAsync(OpensIn());
            await Expect(JoinButton(page)).ToBeDisabledAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "An „Product demo for Fabrikam“ teilnehmen", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Ihr Name im Meeting")).ToHaveValueAsync("Erika Ende");
            await AssertNoEnglishAsync(page);
            Log(await JoinStatesFlow.CaptureAsync(page, "de-not-yet-open"));

            await Expect(JoinButton(page)).ToBeEnabledAsync(new() { Timeout = 45_000 });
            await Expect(window).ToContainTextAsync("Die Teilnahme ist jetzt möglich.");

            // The host has not started it: the page waits for the host, counting down in German, and Abbrechen ends it.
            await JoinButton(page).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).GetByText(CheckingAgain())).ToBeVisibleAsync();
            await Expect(page.Locator(".join-progress")).ToContainTextAsync("Das Meeting hat noch nicht begonnen");
            await AssertNoEnglishAsync(page);
            Log(await JoinStatesFlow.CaptureAsync(page, "de-waiting-for-host"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Abbrechen", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/meetings/{FabrikamDemo}");
        }, German);
    }

    [Fact]
    public async Task A_retry_countdown_says_in_german_when_it_retries_with_the_support_code()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        var sandbox = portal.Sandbox();
        sandbox.ConnectionErrors = 1000;
        try
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await OpenAsAttendeeAsync(page, "Rudi Retry", meeting.Id);
                await JoinButton(page).ClickAsync();
                var countdown = page.GetByRole(AriaRole.Status).GetByText(RetryingIn());
                await Expect(countdown).ToBeVisibleAsync();
                await Expect(countdown).ToContainTextAsync("Wir konnten keine Verbindung zu Zooms Meeting-Servern herstellen.");
                await AssertNoEnglishAsync(page);
                Log(await JoinStatesFlow.CaptureAsync(page, "de-retry-countdown"));

                await page.GetByRole(AriaRole.Button, new() { Name = "Abbrechen", Exact = true }).ClickAsync();
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/meetings/{meeting.Id}");
            }, German);
        }
        finally
        {
            sandbox.ConnectionErrors = 0;
        }
    }

    [Fact]
    public async Task The_passcode_prompt_asks_in_german_then_says_a_typed_one_is_wrong()
    {
        var account = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>();
        await portal.WaitForCatalogAsync(WeeklyTeamSync);
        var original = account.PasscodeOf(WeeklyTeamSync)!;
        account.ChangePasscode(WeeklyTeamSync, "frisch-2026");
        try
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await OpenAsAttendeeAsync(page, "Petra Passwort", WeeklyTeamSync);
                await JoinButton(page).ClickAsync();

                var field = page.GetByLabel("Kenncode des Meetings");
                await Expect(field).ToBeVisibleAsync();
                var prompt = page.Locator("#join-passcode-prompt");
                await Expect(prompt).ToContainTextAsync("Für dieses Meeting ist ein Kenncode nötig.");
                await AssertNoEnglishAsync(page);
                Log(await JoinStatesFlow.CaptureAsync(page, "de-passcode-needed"));

                await field.FillAsync("falsch-1");
                await page.GetByRole(AriaRole.Button, new() { Name = "Mit diesem Kenncode teilnehmen" }).ClickAsync();
                await Expect(prompt).ToContainTextAsync("Dieser Kenncode stimmt nicht.");
                await AssertNoEnglishAsync(page);
                Log(await JoinStatesFlow.CaptureAsync(page, "de-passcode-wrong"));
            }, German);
        }
        finally
        {
            account.ChangePasscode(WeeklyTeamSync, original);
        }
    }

    [Fact]
    public async Task The_device_check_speaks_german_with_the_fake_camera_and_microphone()
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await media.RunAsync(portal.BaseUrl, async page =>
        {
            await OpenAsAttendeeAsync(page, "Dora Gerät", meeting.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kamera und Mikrofon prüfen" }).ClickAsync();

            var status = page.GetByTestId("device-status");
            await Expect(status).ToContainTextAsync("Ihre Kamera funktioniert");
            await Expect(status).ToContainTextAsync("Ihr Mikrofon funktioniert: Es nimmt Ton auf.");
            await Expect(page.GetByLabel("Kamera", new() { Exact = true }).Locator("option")).Not.ToHaveCountAsync(0);
            await Expect(page.GetByLabel("Mikrofon", new() { Exact = true }).Locator("option")).Not.ToHaveCountAsync(0);
            await page.WaitForFunctionAsync("() => document.querySelector('video.device-check-video')?.videoWidth > 0");
            // The level meter's spoken value comes from the module, in German too.
            await page.WaitForFunctionAsync("() => ['still', 'nimmt Ton auf'].includes(document.getElementById('device-level').getAttribute('aria-valuetext')) && document.getElementById('device-level').value > 0");
            await AssertNoEnglishAsync(page);
            Log(await JoinStatesFlow.CaptureAsync(page, "de-device-check"));
        }, German);
    }

    private static ILocator JoinButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Am Meeting teilnehmen", Exact = true });

    private static async Task OpenAsAttendeeAsync(IPage page, string name, long meetingId)
    {
        await DevelopmentSignInFlow.SignInAsync(page, name, "Attendee", returnUrl: $"/meetings/{meetingId}/join");
        await page.WaitUntilInteractiveAsync();
        await Expect(JoinButton(page)).ToBeEnabledAsync();
    }

    private static async Task AssertNoEnglishAsync(IPage page)
    {
        var text = await page.Locator("main").InnerTextAsync();
        var english = EnglishMarkers.Where(m => text.Contains(m, StringComparison.Ordinal)).ToList();
        Assert.True(english.Count == 0, $"English left on the German join page ({string.Join(", ", english)}):\n{text}");
    }

    private void Log(IEnumerable<string> screenshots) => output.WriteLine("screenshots: " + string.Join(", ", screenshots));

    [GeneratedRegex(@"Dieses Meeting ist beendet: Es endete vor \d+ Tagen?, am .+ \(Europe/London\)\.")]
    private static partial Regex EndedAgo();

    [GeneratedRegex(@"Die Teilnahme ist in weniger als einer Minute möglich, ab .+ \(Europe/London\)\.")]
    private static partial Regex OpensIn();

    [GeneratedRegex(@"Erneute Prüfung in \d+ s")]
    private static partial Regex CheckingAgain();

    [GeneratedRegex(@"Neuer Versuch in \d+ s\. Support-Code ZP-[A-Z0-9]+")]
    private static partial Regex RetryingIn();
}
