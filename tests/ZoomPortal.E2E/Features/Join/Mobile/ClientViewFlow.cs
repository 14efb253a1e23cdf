using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Mobile;

/// <summary>What a person on a phone does and sees on the Client View page (<c>/meetings/{id}/join/client</c>).</summary>
internal static class ClientViewFlow
{
    public static string JoinPath(long meetingId) => $"/meetings/{meetingId}/join";

    public static string ClientPath(long meetingId) => $"/meetings/{meetingId}/join/client";

    /// <summary>
    /// Signs in as an attendee asking for the meeting's ordinary join page, follows the portal to the Client View page
    /// and waits until Join can be clicked there.
    /// </summary>
    public static async Task OpenAsMobileAttendeeAsync(IPage page, string name, long meetingId)
    {
        await page.GotoAsync($"/authentication/dev-signin?returnUrl={Uri.EscapeDataString(JoinPath(meetingId))}");
        await DevelopmentSignInFlow.SubmitAsync(page, name, "Attendee");
        // The join page sends a phone on once its circuit has read the user agent, so the ordinary page may only flash by.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == ClientPath(meetingId));
        await page.WaitUntilInteractiveAsync();
        await Expect(JoinPageFlow.JoinButton(page)).ToBeEnabledAsync();
    }

    /// <summary>The stand-in Client View's meeting view, inside the root element the Client View takes the page over with.</summary>
    public static ILocator ClientViewMeeting(IPage page) =>
        page.Locator("#zmmtg-root").GetByRole(AriaRole.Heading, new() { Name = JoinPageFlow.SandboxMeetingHeading, Exact = true });

    public static ILocator LeaveButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Leave meeting", Exact = true });
}
