using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.States;

/// <summary>Helpers of the join-state tests: screenshots in four variants, and moving a meeting in the portal's catalog.</summary>
internal static class JoinStatesFlow
{
    private static readonly (ColorScheme Scheme, int Width, int Height)[] Variants =
        [(ColorScheme.Light, 1280, 900), (ColorScheme.Dark, 1280, 900), (ColorScheme.Light, 412, 915), (ColorScheme.Dark, 412, 915)];

    /// <summary>
    /// Saves <c>join-{state}-{light|dark}-{1280|412}.png</c> (desktop and phone width, light and dark) and checks the
    /// page with axe in each; returns the file names. The phone width keeps the desktop user agent, so the page stays
    /// the Component View page (a phone's user agent is sent to the Client View page).
    /// </summary>
    public static async Task<IReadOnlyList<string>> CaptureAsync(IPage page, string state)
    {
        var names = new List<string>();
        foreach (var (scheme, width, height) in Variants)
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.SetViewportSizeAsync(width, height);
            // MudBlazor follows the OS scheme through a matchMedia listener: let it re-render.
            await page.WaitForFunctionAsync(
                "dark => getComputedStyle(document.body).backgroundColor !== '' && (matchMedia('(prefers-color-scheme: dark)').matches === dark)",
                scheme == ColorScheme.Dark);
            await page.WaitForTimeoutAsync(250);
            var name = $"join-{state}-{scheme.ToString().ToLowerInvariant()}-{width}";
            await BrowserFixture.CaptureAsync(page, name);
            names.Add(name + ".png");
            await page.AssertNoSeriousViolationsAsync();
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(1280, 900);
        // Back to light before the test goes on: the scheme switch re-renders the layout on the server, and a busy
        // machine may still be doing that when the test's next click lands.
        await page.WaitForFunctionAsync("() => !matchMedia('(prefers-color-scheme: dark)').matches");
        await page.WaitForTimeoutAsync(250);
        return names;
    }

    /// <summary>Moves a meeting's start in the portal's catalog (the sandbox keeps its own; the fixture does not re-sync).</summary>
    public static async Task MoveStartAsync(PortalFixture portal, long meetingId, DateTimeOffset start)
    {
        var dbs = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbs.CreateDbContextAsync();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
        meeting.StartTimeUtc = start.UtcDateTime;
        await db.SaveChangesAsync();
    }

    /// <summary>A wait plus a margin for a busy machine's timers.</summary>
    public static TimeSpan Margin(TimeSpan wait) => wait + TimeSpan.FromSeconds(3);

    public static DateTimeOffset ServerNow(PortalFixture portal) => portal.Server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
}
