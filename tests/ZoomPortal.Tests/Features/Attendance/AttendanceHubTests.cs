using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using ZoomPortal.Features.Attendance;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Auth;

namespace ZoomPortal.Tests.Features.Attendance;

public sealed class AttendanceHubTests
{
    private const long MeetingId = 84512345671;
    private const string HostEmail = "alex.host@example.com";

    [Fact]
    public async Task An_unauthenticated_connection_is_refused()
    {
        await using var portal = AttendancePortal.Start();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => portal.ConnectAsync(cookies: null));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_attendee_reports_its_own_join_which_is_stored_once_however_often_it_is_resent()
    {
        await using var portal = AttendancePortal.Start();
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        var ann = await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com");
        await using var connection = await portal.ConnectAsync(ann);
        var report = Joined(Guid.NewGuid(), self: true, name: "Somebody Else");

        var first = await connection.InvokeAsync<AttendanceAck>("Report", report);
        var resent = await connection.InvokeAsync<AttendanceAck>("Report", report);

        Assert.False(first.Duplicate);
        Assert.True(resent.Duplicate);
        var stored = Assert.Single(await portal.EventsAsync());
        // Its identity comes from the sign-in, not from what the page claims.
        Assert.Equal("dev-ann", stored.CustomerKey);
        Assert.Equal("ANN@EXAMPLE.COM", stored.Email);
        Assert.Equal("Ann", stored.DisplayName);
        Assert.Equal(AttendanceSource.Sdk, stored.Source);
    }

    [Fact]
    public async Task Events_for_a_meeting_the_caller_is_not_joining_are_refused()
    {
        await using var portal = AttendancePortal.Start();
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        var bo = await portal.SignInAsync("Bo", PortalRoles.Attendee, "bo@example.com");
        await using var connection = await portal.ConnectAsync(bo);

        var refused = await connection.InvokeAsync<AttendanceAck>("Report", Joined(Guid.NewGuid(), self: true));

        Assert.Contains("not joining", refused.Refused, StringComparison.Ordinal);
        Assert.Empty(await portal.EventsAsync());
    }

    [Fact]
    public async Task An_attendee_cannot_report_someone_else_but_the_host_can()
    {
        await using var portal = AttendancePortal.Start();
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        await portal.SeedJoinAsync("dev-alex", MeetingId, role: 1);
        await using var attendee = await portal.ConnectAsync(await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));
        await using var host = await portal.ConnectAsync(await portal.SignInAsync("Alex", PortalRoles.Host, HostEmail));

        var refused = await attendee.InvokeAsync<AttendanceAck>("Report", Joined(Guid.NewGuid(), self: false, zoomUserId: 16778243));
        var accepted = await host.InvokeAsync<AttendanceAck>("Report", Joined(Guid.NewGuid(), self: false, zoomUserId: 16778243, name: "Jordan Lee"));

        Assert.Equal("An attendee reports only itself.", refused.Refused);
        Assert.Null(accepted.Refused);
        var stored = Assert.Single(await portal.EventsAsync());
        Assert.Equal("16778243", stored.ZoomUserId);
        Assert.Equal("dev-alex", stored.ReportedBy);
    }

    [Fact]
    public async Task An_oversized_message_ends_the_connection_without_error_logs()
    {
        await using var portal = AttendancePortal.Start();
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        await using var connection = await portal.ConnectAsync(await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));
        var closed = new TaskCompletionSource();
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        // A valid report padded with a property the hub ignores: only its size is wrong.
        var huge = new { eventId = Guid.NewGuid(), meetingId = MeetingId, kind = "joined", participant = new { self = true }, padding = new string('x', 10_000) };
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<AttendanceAck>("Report", huge).WaitAsync(TimeSpan.FromSeconds(15)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Empty(await portal.EventsAsync());
        Assert.DoesNotContain(portal.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_malformed_report_ends_the_connection_without_error_logs()
    {
        await using var portal = AttendancePortal.Start();
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        await using var connection = await portal.ConnectAsync(await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));
        var closed = new TaskCompletionSource();
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        // An unknown kind, and a display name with control characters: a page of ours never sends either.
        var malformed = new AttendanceReport(Guid.NewGuid(), MeetingId, "teleported", null, new ReportedParticipant(true, null, "a\u0007b", null, null));
        try
        {
            await connection.InvokeAsync<AttendanceAck>("Report", malformed).WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception e) when (e is InvalidOperationException or TaskCanceledException or HubException)
        {
            // The answer may or may not arrive before the connection closes.
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Empty(await portal.EventsAsync());
        Assert.DoesNotContain(portal.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_rate_limit_holds()
    {
        await using var portal = AttendancePortal.Start(new Dictionary<string, string?> { ["Attendance:EventsPerSecond"] = "1", ["Attendance:EventBurst"] = "5" });
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        await using var connection = await portal.ConnectAsync(await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));

        var accepted = 0;
        var limited = 0;
        for (var i = 0; i < 12; i++)
        {
            var ack = await connection.InvokeAsync<AttendanceAck>("Report", Joined(Guid.NewGuid(), self: true));
            if (ack.Refused is null)
            {
                accepted++;
            }
            else if (ack.Refused == AttendanceAck.TooManyEvents)
            {
                limited++;
            }
        }

        // A burst of 5 plus at most a token or two refilled while the loop ran.
        Assert.InRange(accepted, 5, 7);
        Assert.Equal(12 - accepted, limited);
        Assert.Equal(accepted, (await portal.EventsAsync()).Count);
    }

    private static AttendanceReport Joined(Guid id, bool self, string? name = null, long? zoomUserId = null) =>
        new(id, MeetingId, "joined", null, new ReportedParticipant(self, zoomUserId, name, null, null));
}
