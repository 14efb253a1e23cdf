using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Security;

/// <summary>What a person does on the join and start pages, with the sandbox's SDK stand-in.</summary>
public static class JoinFlow
{
    public const string SandboxHeading = "Sandbox meeting — simulated, not Zoom";
    public const string WaitingForHost = "The meeting hasn't started yet — we'll join you automatically when the host starts it.";
    public const string OnlyHostCanStart = "Only the meeting's host can start it.";

    /// <summary>Signs in (the e-mail decides whose meetings a Host is host of) straight onto <paramref name="path"/>, ready to click.</summary>
    public static async Task OpenSignedInAsync(IPage page, string path, string name, string role, string? email = null, string? groups = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await DevelopmentSignInFlow.SignInAsync(page, name, role, path, groups, email);
        await page.WaitUntilInteractiveAsync();
    }

    public static ILocator JoinButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Join meeting", Exact = true });

    public static ILocator StartButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Start meeting", Exact = true });

    public static ILocator SandboxMeeting(IPage page) => page.GetByRole(AriaRole.Heading, new() { Name = SandboxHeading });

    public static ILocator Participants(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Participants" });

    /// <summary>Clicks the button once the page has checked the browser and loaded its module (it is disabled before).</summary>
    public static async Task ClickWhenReadyAsync(ILocator button)
    {
        ArgumentNullException.ThrowIfNull(button);
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
    }

    public static async Task JoinAsync(IPage page)
    {
        await ClickWhenReadyAsync(JoinButton(page));
        await Expect(SandboxMeeting(page)).ToBeVisibleAsync();
    }

    public static async Task StartAsync(IPage page)
    {
        await ClickWhenReadyAsync(StartButton(page));
        await Expect(SandboxMeeting(page)).ToBeVisibleAsync();
    }
}
