using System.Text.RegularExpressions;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>What a person does and sees on the join page (<c>/meetings/{id}/join</c>).</summary>
internal static partial class JoinPageFlow
{
    /// <summary>The heading of the SDK stand-in's meeting view: only there once Zoom (the sandbox) let the user in.</summary>
    public const string SandboxMeetingHeading = "Sandbox meeting — simulated, not Zoom";

    /// <summary>Signs in as an attendee straight onto the meeting's join page and waits until Join can be clicked.</summary>
    public static async Task OpenAsAttendeeAsync(IPage page, string name, long meetingId)
    {
        await DevelopmentSignInFlow.SignInAsync(page, name, "Attendee", returnUrl: $"/meetings/{meetingId}/join");
        await page.WaitUntilInteractiveAsync();
        // Enabled once the module has loaded, checked the browser and started preloading the SDK.
        await Expect(JoinButton(page)).ToBeEnabledAsync();
    }

    /// <summary>
    /// Keeps every text the join page's status region shows, however briefly (a step can pass in milliseconds);
    /// call before the page navigates, read with <see cref="StatusHistoryAsync"/>.
    /// </summary>
    public static Task RecordStatusHistoryAsync(IPage page) => page.AddInitScriptAsync("""
        window.__joinStatusHistory = [];
        new MutationObserver(() => {
            const status = document.querySelector('.join-progress');
            const text = status?.textContent ?? '';
            if (text && window.__joinStatusHistory.at(-1) !== text) window.__joinStatusHistory.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true });
        """);

    public static async Task<IReadOnlyList<string>> StatusHistoryAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__joinStatusHistory ?? []");

    public static ILocator JoinButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Join meeting", Exact = true });

    public static ILocator SandboxMeeting(IPage page) =>
        page.GetByRole(AriaRole.Heading, new() { Name = SandboxMeetingHeading, Exact = true });

    /// <summary>The countdown before a retry ("… Retrying in 3 s. Support code ZP-…").</summary>
    public static ILocator RetryCountdown(IPage page) => page.GetByRole(AriaRole.Status).GetByText(RetryingIn());

    /// <summary>The alert shown when the page stopped trying.</summary>
    public static ILocator StopAlert(IPage page) => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Support code" });

    /// <summary>
    /// The same alert found by markup, not by the accessibility tree: the real SDK's own error dialog (a MUI modal)
    /// marks the rest of the page aria-hidden while it is open, which role locators respect.
    /// </summary>
    public static ILocator StopAlertMarkup(IPage page) => page.Locator(".join-progress [role=alert]").Filter(new() { HasText = "Support code" });

    /// <summary>The support code in a message, e.g. <c>ZP-7K3M9Q</c>.</summary>
    public static string SupportCodeIn(string text)
    {
        var match = SupportCode().Match(text);
        Assert.True(match.Success, $"No support code in \"{text}\".");
        return match.Groups["code"].Value;
    }

    [GeneratedRegex(@"Retrying in \d+ s")]
    private static partial Regex RetryingIn();

    [GeneratedRegex(@"Support code (?<code>[A-Z]{2}-[A-Z0-9]+)")]
    private static partial Regex SupportCode();
}
