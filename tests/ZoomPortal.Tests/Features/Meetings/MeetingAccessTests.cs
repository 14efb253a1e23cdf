using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Tests.Features.Meetings;

public sealed class MeetingAccessTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 3, 29, 8, 0, 0, DateTimeKind.Utc);
    private readonly MeetingAccess _access = new();
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.SeedAsync(
            MeetingData.Entity(81234567890, "Town hall", Start, hostEmail: "olaf@example.com"),
            MeetingData.Entity(81234567891, "Finance review", Start, hostEmail: "olaf@example.com", visibility: MeetingVisibility.Groups, groups: ["finance"]),
            MeetingData.Entity(81234567892, "Hana's 1:1", Start, hostEmail: "Hana@Example.com", visibility: MeetingVisibility.Groups));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Everyone_signed_in_sees_only_meetings_shared_with_all()
    {
        Assert.Equal(["Town hall"], await VisibleTopicsAsync(User("ann@example.com")));
    }

    [Fact]
    public async Task A_member_of_a_named_group_sees_the_restricted_meeting()
    {
        Assert.Equal(["Finance review", "Town hall"], await VisibleTopicsAsync(User("ann@example.com", groups: ["sales", "finance"])));
    }

    [Fact]
    public async Task Group_names_match_exactly()
    {
        Assert.Equal(["Town hall"], await VisibleTopicsAsync(User("ann@example.com", groups: ["Finance", "finance-team"])));
    }

    [Fact]
    public async Task The_host_sees_their_restricted_meeting_matched_by_email_in_any_case()
    {
        var host = User("hana@EXAMPLE.com", roles: [PortalRoles.Attendee, PortalRoles.Host], emailVerified: true);

        Assert.Equal(["Hana's 1:1", "Town hall"], await VisibleTopicsAsync(host));
        Assert.True(_access.CanManage("Hana@Example.com", host));
    }

    [Theory]
    [InlineData(PortalRoles.Attendee, true)]
    [InlineData(PortalRoles.Host, false)]
    public async Task The_hosts_e_mail_without_the_Host_role_or_a_verified_mapping_shows_no_restricted_meeting(string role, bool emailVerified)
    {
        var impostor = User("HANA@example.com", roles: [PortalRoles.Attendee, role], emailVerified: emailVerified);

        Assert.Equal(["Town hall"], await VisibleTopicsAsync(impostor));
        Assert.False(_access.CanManage("hana@example.com", impostor));
    }

    [Fact]
    public async Task An_admin_sees_every_meeting_and_may_manage_it()
    {
        var admin = User("root@example.com", roles: [PortalRoles.Attendee, PortalRoles.Admin]);

        Assert.Equal(["Finance review", "Hana's 1:1", "Town hall"], await VisibleTopicsAsync(admin));
        Assert.True(_access.CanManage("hana@example.com", admin));
    }

    [Fact]
    public async Task Nobody_sees_a_removed_meeting_and_a_signed_out_user_sees_nothing()
    {
        await using (var db = _database.CreateDbContext())
        {
            await db.Meetings.Where(m => m.Topic == "Town hall").ExecuteUpdateAsync(s => s.SetProperty(m => m.RemovedUtc, Start));
        }

        Assert.Empty(await VisibleTopicsAsync(User("ann@example.com")));
        Assert.Empty(await VisibleTopicsAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public void A_user_without_email_is_nobody_s_host()
    {
        var noEmail = PortalPrincipalFactory.Create("u1", "Ann", null, [PortalRoles.Host], [], "test");

        Assert.False(_access.CanManage(null, noEmail));
    }

    private async Task<List<string>> VisibleTopicsAsync(ClaimsPrincipal user)
    {
        await using var db = _database.CreateDbContext();
        var topics = await _access.VisibleTo(db.Meetings, user).Select(m => m.Topic).ToListAsync();
        return topics.Order(StringComparer.Ordinal).ToList();
    }

    private static ClaimsPrincipal User(string email, string[]? groups = null, string[]? roles = null, bool emailVerified = false) =>
        PortalPrincipalFactory.Create("user-" + email, email, email, roles ?? [PortalRoles.Attendee], groups ?? [], PortalPrincipalFactory.OidcMethod, emailVerified);
}
