using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Meetings;

public sealed class MeetingDetailsHttpTests
{
    private const long BoardMeetingId = 81234567899;
    private const long TownHallId = 81234567898;

    [Fact]
    public async Task A_restricted_meeting_answers_404_to_a_user_outside_its_groups()
    {
        // The test seeds the catalog itself; a background sync would mark meetings of hosts Zoom doesn't know as removed.
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Meetings:BackgroundRefresh"] = "false" });
        await SeedAsync(factory);
        using var client = factory.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Ann", PortalRoles.Attendee, "ann@example.com", "staff");

        using var restricted = await client.GetAsync(new Uri($"/meetings/{BoardMeetingId}", UriKind.Relative));
        using var open = await client.GetAsync(new Uri($"/meetings/{TownHallId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, restricted.StatusCode);
        Assert.DoesNotContain("Board meeting", await restricted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("Town hall", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_the_group_sees_the_restricted_meeting_and_never_its_passcode()
    {
        // The test seeds the catalog itself; a background sync would mark meetings of hosts Zoom doesn't know as removed.
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Meetings:BackgroundRefresh"] = "false" });
        await SeedAsync(factory);
        using var client = factory.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Bea", PortalRoles.Attendee, "bea@example.com", "staff, board");

        using var response = await client.GetAsync(new Uri($"/meetings/{BoardMeetingId}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Board meeting", body, StringComparison.Ordinal);
        Assert.DoesNotContain("protected-passcode", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_file_is_for_members_only_and_never_holds_the_passcode()
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Meetings:BackgroundRefresh"] = "false" });
        await SeedAsync(factory);
        using var member = factory.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(member, "Bea", PortalRoles.Attendee, "bea@example.com", "staff, board");
        using var outsider = factory.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(outsider, "Ann", PortalRoles.Attendee, "ann@example.com", "staff");

        using var response = await member.GetAsync(new Uri($"/meetings/{BoardMeetingId}/calendar.ics", UriKind.Relative));
        using var refused = await outsider.GetAsync(new Uri($"/meetings/{BoardMeetingId}/calendar.ics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var e = Assert.Single(Ical.Net.Calendar.Load(body)!.Events);
        Assert.Equal("Board meeting", e.Summary);
        Assert.Equal($"/meetings/{BoardMeetingId}", e.Url!.AbsolutePath);
        Assert.DoesNotContain("protected-passcode", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private static async Task SeedAsync(PortalAppFactory factory)
    {
        var dbs = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbs.CreateDbContextAsync();
        var start = DateTime.UtcNow.AddDays(1);
        var board = MeetingData.Entity(BoardMeetingId, "Board meeting", start, hostEmail: "chair@example.com", visibility: MeetingVisibility.Groups, groups: ["board"]);
        board.ProtectedPasscode = "protected-passcode";
        db.Meetings.AddRange(board, MeetingData.Entity(TownHallId, "Town hall", start, hostEmail: "chair@example.com"));
        await db.SaveChangesAsync();
    }
}
