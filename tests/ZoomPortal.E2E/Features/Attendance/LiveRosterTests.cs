using Microsoft.EntityFrameworkCore;
using ZoomPortal.E2E.Features.Join.Security;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Attendance;

/// <summary>The acceptance story: an attendee joins and leaves while the host's live roster, in another browser, follows.</summary>
[Collection(AttendancePortalTests.Name)]
public sealed class LiveRosterTests(BrowserFixture browser, AttendancePortalFixture portal)
{
    private const string Alex = "alex.host@example.com";

    [Fact]
    public async Task The_hosts_live_roster_shows_an_attendee_join_and_leave_as_they_happen()
    {
        var meeting = portal.Meeting("Weekly team sync");
        var host = await browser.NewPageAsync(portal.BaseUrl);
        var attendee = await browser.NewPageAsync(portal.BaseUrl);
        try
        {
            await JoinFlow.OpenSignedInAsync(host, $"/meetings/{meeting.Id}/live", "Alex Morgan", "Host", email: Alex);
            await Expect(host.GetByRole(AriaRole.Heading, new() { Name = $"Live roster: {meeting.Topic}", Level = 1 })).ToBeVisibleAsync();
            await Expect(host.GetByTestId("roster-connection")).ToHaveTextAsync("Live");

            await JoinFlow.OpenSignedInAsync(attendee, $"/meetings/{meeting.Id}/join", "Rosa Roster", "Attendee", email: "rosa@example.com");
            await JoinFlow.JoinAsync(attendee);

            var rosa = host.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rosa Roster" });
            await Expect(rosa).ToContainTextAsync("In the meeting");
            await Expect(host.GetByTestId("roster-announcement")).ToHaveTextAsync("Rosa Roster joined");
            await host.AssertNoSeriousViolationsAsync();

            // The sandbox also sent Zoom's signed webhook for the join: stored, and merged with the browser's report.
            await WaitForWebhookJoinAsync(meeting.Id);
            await host.ReloadAsync();
            await Expect(rosa).ToHaveCountAsync(1);
            await Expect(rosa).ToContainTextAsync("In the meeting");

            await attendee.GetByRole(AriaRole.Button, new() { Name = "Leave meeting", Exact = true }).ClickAsync();

            await Expect(rosa).ToContainTextAsync("Left");
        }
        finally
        {
            await host.Context.CloseAsync();
            await attendee.Context.CloseAsync();
        }
    }

    private async Task WaitForWebhookJoinAsync(long meetingId)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = portal.CreateDbContext();
            var sessions = db.AttendanceSessions.Where(s => s.MeetingId == meetingId).Select(s => s.Id);
            if (await db.AttendanceEvents.AnyAsync(e => sessions.Contains(e.SessionId) && e.Source == AttendanceSource.Webhook && e.DisplayName == "Rosa Roster"))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The sandbox's participant_joined webhook was never stored.");
    }

    [Fact]
    public async Task An_attendee_waiting_for_the_host_joins_as_soon_as_the_host_starts()
    {
        var meeting = portal.Meeting("Release readiness");
        var attendee = await browser.NewPageAsync(portal.BaseUrl);
        try
        {
            await JoinFlow.OpenSignedInAsync(attendee, $"/meetings/{meeting.Id}/join", "Wes Waiting", "Attendee");
            await JoinFlow.ClickWhenReadyAsync(JoinFlow.JoinButton(attendee));
            await Expect(attendee.Locator(".join-progress")).ToContainTextAsync(JoinFlow.WaitingForHost);

            await browser.RunAsync(portal.BaseUrl, async host =>
            {
                await JoinFlow.OpenSignedInAsync(host, $"/meetings/{meeting.Id}/start", "Kenji Sato", "Host", email: "kenji.host@example.com");
                await JoinFlow.StartAsync(host);

                // The page polls only every 10 minutes here: getting in now is the hub's doing.
                await Expect(attendee.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The host has started the meeting: joining you now.");
                await Expect(JoinFlow.SandboxMeeting(attendee)).ToBeVisibleAsync(new() { Timeout = 20_000 });
            });
        }
        finally
        {
            await attendee.Context.CloseAsync();
        }
    }
}
