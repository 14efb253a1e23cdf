using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Attendance;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.ScaleOut;
using ZoomPortal.Tests.Features.Attendance;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.ScaleOut;

/// <summary>Two portal instances on one PostgreSQL database: a roster on one hears events reported on the other.</summary>
public sealed class RedisBackplaneTests
{
    private const long MeetingId = 84512345679;
    private const string HostEmail = "alex.host@example.com";

    [Fact]
    public async Task A_roster_on_instance_B_hears_a_join_reported_on_instance_A_through_Redis()
    {
        var heard = await RosterOnBHearsJoinOnAAsync(backplane: true, wait: TimeSpan.FromSeconds(15));

        Assert.NotNull(heard);
        Assert.Equal(MeetingId, heard.MeetingId);
        Assert.Equal("Ann", heard.DisplayName);
    }

    [Fact]
    public async Task Without_Redis_a_roster_on_another_instance_hears_nothing()
    {
        // The test above proves the backplane, not luck: the same setup without it carries nothing across.
        var heard = await RosterOnBHearsJoinOnAAsync(backplane: false, wait: TimeSpan.FromSeconds(3));

        Assert.Null(heard);
    }

    [Fact]
    public async Task A_bad_Redis_configuration_stops_start_up_and_names_the_key_without_echoing_it()
    {
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "redis:6379,password=s3cret-value,notanoption=1",
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains("Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
    }

    private static async Task<RosterChange?> RosterOnBHearsJoinOnAAsync(bool backplane, TimeSpan wait)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = TestPostgres.NewDatabase("backplane"),
            ["Redis:Configuration"] = backplane ? TestRedis.Configuration : string.Empty,
            ["Redis:ChannelPrefix"] = TestRedis.NewChannelPrefix("backplane-test"),
        };
        await using var a = AttendancePortal.Start(settings);
        await a.SeedMeetingAsync(MeetingId, HostEmail);
        await a.SeedJoinAsync("dev-ann", MeetingId);
        // B starts once A has migrated the database and made the Data Protection key.
        await using var b = AttendancePortal.Start(settings);

        await using var roster = await b.ConnectAsync(await b.SignInAsync("Alex", PortalRoles.Host, HostEmail));
        var heard = new TaskCompletionSource<RosterChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        roster.On<RosterChange[]>(nameof(IAttendanceClient.RosterChanged), changes => heard.TrySetResult(Assert.Single(changes)));
        Assert.True(await roster.InvokeAsync<bool>("WatchMeeting", MeetingId));

        await using var attendee = await a.ConnectAsync(await a.SignInAsync("Ann", PortalRoles.Attendee, "ann@example.com"));
        var ack = await attendee.InvokeAsync<AttendanceAck>("Report", Joined(Guid.NewGuid()));
        Assert.Null(ack.Refused);

        var done = await Task.WhenAny(heard.Task, Task.Delay(wait));
        return done == heard.Task ? await heard.Task : null;
    }

    private static AttendanceReport Joined(Guid eventId) =>
        new(eventId, MeetingId, "joined", null, new ReportedParticipant(Self: true, null, "Ann", null, null));
}
