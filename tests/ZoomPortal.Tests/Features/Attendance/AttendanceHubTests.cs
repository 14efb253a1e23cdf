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

    [Fact]
    public async Task A_batch_is_answered_event_by_event_in_order_and_its_resend_is_all_duplicates()
    {
        await using var portal = AttendancePortal.Start();
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-alex", MeetingId, role: 1);
        await using var host = await portal.ConnectAsync(await portal.SignInAsync("Alex", PortalRoles.Host, HostEmail));
        var batch = Enumerable.Range(1, 3).Select(i => Joined(Guid.NewGuid(), self: false, name: $"Guest {i}", zoomUserId: 16778240 + i)).ToArray();

        var first = await host.InvokeAsync<AttendanceAck[]>("ReportBatch", batch);
        var resent = await host.InvokeAsync<AttendanceAck[]>("ReportBatch", batch);

        Assert.Equal(batch.Select(r => r.EventId), first.Select(a => a.EventId));
        Assert.All(first, a => Assert.True(a is { Refused: null, Duplicate: false }));
        Assert.All(resent, a => Assert.True(a is { Refused: null, Duplicate: true }));
        Assert.Equal(["Guest 1", "Guest 2", "Guest 3"], (await portal.EventsAsync()).Select(e => e.DisplayName));
    }

    [Fact]
    public async Task An_attendee_batch_reporting_someone_else_refuses_that_event_alone()
    {
        await using var portal = AttendancePortal.Start();
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        await using var attendee = await portal.ConnectAsync(await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));

        var acks = await attendee.InvokeAsync<AttendanceAck[]>("ReportBatch", new[]
        {
            Joined(Guid.NewGuid(), self: true),
            Joined(Guid.NewGuid(), self: false, zoomUserId: 16778243),
        });

        Assert.Null(acks[0].Refused);
        Assert.Equal("An attendee reports only itself.", acks[1].Refused);
        Assert.Equal("dev-ann", Assert.Single(await portal.EventsAsync()).CustomerKey);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(51, false)]
    [InlineData(2, true)]
    public async Task An_empty_or_oversized_batch_or_one_with_a_malformed_event_ends_the_connection_and_stores_nothing(int count, bool malformedLast)
    {
        // A message big enough for 51 events: the batch rule, not the size limit, must refuse it.
        await using var portal = AttendancePortal.Start(new Dictionary<string, string?> { ["Attendance:MaxMessageBytes"] = "65536" });
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        await using var connection = await portal.ConnectAsync(await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));
        var closed = new TaskCompletionSource();
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var batch = Enumerable.Range(0, count).Select(_ => Joined(Guid.NewGuid(), self: true)).ToArray();
        if (malformedLast)
        {
            batch[^1] = batch[^1] with { Kind = "teleported" };
        }

        try
        {
            await connection.InvokeAsync<AttendanceAck[]>("ReportBatch", batch).WaitAsync(TimeSpan.FromSeconds(15));
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
    public async Task The_rate_limit_counts_every_event_of_a_batch()
    {
        await using var portal = AttendancePortal.Start(new Dictionary<string, string?> { ["Attendance:EventsPerSecond"] = "1", ["Attendance:EventBurst"] = "5" });
        await portal.SeedMeetingAsync(MeetingId, HostEmail);
        await portal.SeedJoinAsync("dev-ann", MeetingId);
        await using var connection = await portal.ConnectAsync(await portal.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));

        var first = await connection.InvokeAsync<AttendanceAck[]>("ReportBatch", Enumerable.Range(0, 4).Select(_ => Joined(Guid.NewGuid(), self: true)).ToArray());
        var second = await connection.InvokeAsync<AttendanceAck[]>("ReportBatch", Enumerable.Range(0, 4).Select(_ => Joined(Guid.NewGuid(), self: true)).ToArray());

        Assert.All(first, a => Assert.Null(a.Refused));
        // One or two tokens left of five: the second batch is refused whole, each event told to slow down.
        Assert.Equal(4, second.Length);
        Assert.All(second, a => Assert.Equal(AttendanceAck.TooManyEvents, a.Refused));
        Assert.Equal(4, (await portal.EventsAsync()).Count);
    }

    private static AttendanceReport Joined(Guid id, bool self, string? name = null, long? zoomUserId = null) =>
        new(id, MeetingId, "joined", null, new ReportedParticipant(self, zoomUserId, name, null, null));
}
