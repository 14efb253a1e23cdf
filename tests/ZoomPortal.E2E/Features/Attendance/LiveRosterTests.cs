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
    public async Task A_roster_whose_first_watch_fails_on_a_live_connection_asks_again_and_goes_live()
    {
        // The hub can fail WatchMeeting while the connection itself is up (the Redis backplane cannot add the group).
        // Here the first WatchMeeting is answered with an error on the wire; the page must ask again, not stay "Connecting…".
        var meeting = portal.Meeting("Weekly team sync");
        var host = await browser.NewPageAsync(portal.BaseUrl);
        var failed = 0;
        try
        {
            await host.RouteWebSocketAsync("**/hubs/attendance**", ws =>
            {
                var server = ws.ConnectToServer();
                ws.OnMessage(frame =>
                {
                    var text = frame.Text ?? string.Empty;
                    // SignalR's JSON protocol: one invocation per frame here, e.g. {"arguments":[…],"invocationId":"1","target":"WatchMeeting","type":1}.
                    var invocation = System.Text.RegularExpressions.Regex.Match(text, "\"invocationId\":\"(\\d+)\"");
                    if (invocation.Success && text.Contains("\"target\":\"WatchMeeting\"", StringComparison.Ordinal) && Interlocked.Increment(ref failed) == 1)
                    {
                        ws.Send($"{{\"type\":3,\"invocationId\":\"{invocation.Groups[1].Value}\",\"error\":\"An unexpected error occurred invoking 'WatchMeeting' on the server.\"}}\u001e");
                        return;
                    }

                    server.Send(text);
                });
            });

            await JoinFlow.OpenSignedInAsync(host, $"/meetings/{meeting.Id}/live", "Alex Morgan", "Host", email: Alex);
            await Expect(host.GetByTestId("roster-connection")).ToHaveTextAsync("Live", new() { Timeout = 15_000 });
            Assert.True(Volatile.Read(ref failed) >= 2, $"WatchMeeting was sent {failed} time(s); the page should have asked again after the failure.");
        }
        finally
        {
            await host.Context.CloseAsync();
        }
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
