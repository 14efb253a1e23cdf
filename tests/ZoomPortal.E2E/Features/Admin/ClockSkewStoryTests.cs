using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Admin;

[CollectionDefinition(Name)]
public sealed class ClockSkewStory : ICollectionFixture<BrowserFixture>, ICollectionFixture<ClockSkewStoryPortalFixture>
{
    public const string Name = "Clock-skew story";
}

/// <summary>Like the stale-clock scenario, in its own portal: the story changes the sandbox's clock from the admin page.</summary>
public sealed class ClockSkewStoryPortalFixture : SandboxJoinPortalFixture
{
    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:ClockSkew"] = "00:00:00",
        ["Join:RetryDelay"] = "00:00:03",
    };
}

/// <summary>
/// The whole story as people live it: an admin moves Zoom's clock 7 minutes behind on the sandbox page, an attendee
/// joins (Zoom rejects, the portal re-measures and gets in), and the admin reads why in the join-error log.
/// </summary>
[Collection(ClockSkewStory.Name)]
public sealed class ClockSkewStoryTests(BrowserFixture browser, ClockSkewStoryPortalFixture portal)
{
    [Fact]
    public async Task Admin_skews_zooms_clock_attendee_still_gets_in_and_the_log_explains_why()
    {
        await portal.WaitForClockAsync();
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);

        await browser.RunAsync(portal.BaseUrl, async admin =>
        {
            await DevelopmentSignInFlow.SignInAsync(admin, "Ada Admin", "Admin", returnUrl: "/admin/sandbox");
            await admin.WaitUntilInteractiveAsync();
            var input = admin.GetByLabel("New difference (e.g. -00:07:00 for Zoom 7 minutes behind)");
            await input.FillAsync("two days");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(admin.GetByText("Enter a time difference such as -00:07:00")).ToBeVisibleAsync();
            await Expect(admin.GetByTestId("sandbox-skew")).ToHaveTextAsync("in sync");

            await input.FillAsync("-00:07:00");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(admin.GetByTestId("sandbox-skew")).ToHaveTextAsync("behind by 00:07:00");
        });

        string supportCode = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async attendee =>
        {
            await JoinPageFlow.OpenAsAttendeeAsync(attendee, "Sam Story", meeting.Id);
            await JoinPageFlow.JoinButton(attendee).ClickAsync();
            await Expect(JoinPageFlow.RetryCountdown(attendee)).ToBeVisibleAsync();
            supportCode = JoinPageFlow.SupportCodeIn(await JoinPageFlow.RetryCountdown(attendee).InnerTextAsync());
            await Expect(JoinPageFlow.SandboxMeeting(attendee)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });

        await browser.RunAsync(portal.BaseUrl, async admin =>
        {
            await DevelopmentSignInFlow.SignInAsync(admin, "Ada Admin", "Admin", returnUrl: "/admin/join-errors");
            await admin.WaitUntilInteractiveAsync();
            var grid = admin.GetByRole(AriaRole.Table, new() { Name = "Join attempts, newest first" });
            await Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = supportCode })).ToHaveCountAsync(1);

            await admin.GetByRole(AriaRole.Button, new() { Name = $"Details of attempt 1 of {supportCode}" }).ClickAsync();
            var diagnosis = admin.GetByTestId("diagnosis");
            await Expect(diagnosis).ToContainTextAsync("ahead of Zoom's");
            await Expect(diagnosis).ToContainTextAsync("attempt 2 succeeded");
        });
    }

    [Fact]
    public async Task Host_changes_the_passcode_in_zoom_attendee_is_asked_for_it_and_the_log_says_wrong_passcode()
    {
        var meeting = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>().Meetings.Single(m => m.Topic == "Weekly team sync");
        await portal.WaitForCatalogAsync(meeting.Id);

        await browser.RunAsync(portal.BaseUrl, async admin =>
        {
            await DevelopmentSignInFlow.SignInAsync(admin, "Ada Admin", "Admin", returnUrl: "/admin/sandbox");
            await admin.WaitUntilInteractiveAsync();
            await admin.GetByLabel("New passcode").FillAsync("n3wcode");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Change passcode" }).ClickAsync();
            await Expect(admin.GetByText("\"Weekly team sync\" now has the passcode n3wcode in Zoom.")).ToBeVisibleAsync();
        });

        string supportCode = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async attendee =>
        {
            await JoinPageFlow.OpenAsAttendeeAsync(attendee, "Pia Passcode", meeting.Id);
            await JoinPageFlow.JoinButton(attendee).ClickAsync();
            var passcode = attendee.GetByLabel("Meeting passcode");
            await Expect(passcode).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await passcode.FillAsync("n3wcode");
            await attendee.GetByRole(AriaRole.Button, new() { Name = "Join with this passcode" }).ClickAsync();
            await Expect(JoinPageFlow.SandboxMeeting(attendee)).ToBeVisibleAsync(new() { Timeout = 30_000 });
            // The passcode prompt asks for the passcode beside the field, with no support code (nothing went wrong that
            // a helpdesk must look up): the attempt Zoom refused is found in the portal's log.
            var db = portal.Server.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ZoomPortal.Data.PortalDbContext>>();
            await using var context = await db.CreateDbContextAsync();
            supportCode = context.JoinAttempts.Where(a => a.MeetingId == meeting.Id && a.ErrorCode == 3004)
                .OrderByDescending(a => a.Id).Select(a => a.SupportCode).First();
        });

        await browser.RunAsync(portal.BaseUrl, async admin =>
        {
            await DevelopmentSignInFlow.SignInAsync(admin, "Ada Admin", "Admin", returnUrl: "/admin/join-errors");
            await admin.WaitUntilInteractiveAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = $"Details of attempt 1 of {supportCode}" }).ClickAsync();
            await Expect(admin.GetByTestId("diagnosis")).ToContainTextAsync("Wrong passcode (3004)");
        });
    }
}
