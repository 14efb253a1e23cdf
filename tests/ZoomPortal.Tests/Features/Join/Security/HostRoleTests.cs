using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Features.Join.Security;

/// <summary>
/// The real app's JoinService, database and sandbox: only a meeting's host gets a role-1 signature and a ZAK, however
/// the session was obtained.
/// </summary>
public sealed class HostRoleTests : IAsyncLifetime, IAsyncDisposable
{
    private const long PriyasDemo = 85598765431;
    private readonly PortalAppFactory _factory = new(settings: new Dictionary<string, string?>
    {
        ["Authentication:HostMapping:Explicit:user-mapped"] = "priya.host@example.com",
    });

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        var dbs = _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        for (var i = 0; i < 300; i++)
        {
            await using var db = await dbs.CreateDbContextAsync();
            if (await db.Meetings.AnyAsync(m => m.Id == PriyasDemo))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The meeting catalog never filled from the sandbox.");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    // xunit v2 calls IAsyncLifetime's; this one satisfies owners of disposables (the factory ignores a second call).
    ValueTask IAsyncDisposable.DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData(PortalRoles.Attendee, "ada@example.com", true)]
    [InlineData(PortalRoles.Host, "alex.host@example.com", true)]
    // An attendee whose e-mail is the host's, in any letter case, is still no host.
    [InlineData(PortalRoles.Attendee, "PRIYA.Host@example.com", true)]
    // A host whose provider did not verify the e-mail (a provider that lets users choose it) gets no host rights from it.
    [InlineData(PortalRoles.Host, "priya.host@example.com", false)]
    public async Task Non_host_gets_no_role_1_signature_or_ZAK_even_with_a_forged_start_session(string role, string email, bool emailVerified)
    {
        var join = _factory.Services.GetRequiredService<JoinService>();
        var user = User($"user-{role}-{emailVerified}", email, role, emailVerified);

        var session = await join.StartJoinAsync(user, PriyasDemo, JoinKind.Start, null, CancellationToken.None);
        Assert.Equal(SignatureRefusal.NotMeetingHost, session!.Refusal);
        var forged = session with { Refusal = SignatureRefusal.None };
        var result = await join.IssueSignatureAsync(user, forged, 1, false, "Mallory", null, CancellationToken.None);

        Assert.Null(result.Ticket);
        Assert.Equal(SignatureRefusal.NotMeetingHost, result.Refusal);
        await AssertNoIssuanceAsync(user);
        Assert.DoesNotContain(SandboxRequests(), r => r.Contains("type=zak", StringComparison.Ordinal));
        Assert.Equal(ZoomSandboxAccount.Waiting, _factory.Services.GetRequiredService<ZoomSandboxAccount>().StatusOf(PriyasDemo));
    }

    [Fact]
    public async Task Host_gets_a_role_1_signature_with_a_ZAK_the_sandbox_issued_to_her()
    {
        var join = _factory.Services.GetRequiredService<JoinService>();
        var priya = User("user-priya", "Priya.Host@example.com", PortalRoles.Host, emailVerified: true);

        var session = await join.StartJoinAsync(priya, PriyasDemo, JoinKind.Start, null, CancellationToken.None);
        var result = await join.IssueSignatureAsync(priya, session!, 1, false, "Priya Raman", null, CancellationToken.None);

        Assert.Equal(1, result.Ticket!.Role);
        var account = _factory.Services.GetRequiredService<ZoomSandboxAccount>();
        Assert.Equal(account.FindUser("priya.host@example.com")!.Id, account.UserOfZak(result.Ticket.Zak!));
    }

    [Fact]
    public async Task A_host_an_admin_mapped_explicitly_gets_role_1_whatever_her_e_mail_claim_says()
    {
        var join = _factory.Services.GetRequiredService<JoinService>();
        var mapped = User("user-mapped", "p.raman@example.org", PortalRoles.Host, emailVerified: false);

        var session = await join.StartJoinAsync(mapped, PriyasDemo, JoinKind.Start, null, CancellationToken.None);
        var result = await join.IssueSignatureAsync(mapped, session!, 1, false, "Priya Raman", null, CancellationToken.None);

        Assert.Equal(1, result.Ticket!.Role);
    }

    private IReadOnlyList<string> SandboxRequests() =>
        _factory.Services.GetRequiredService<ZoomSandboxHost>().Server?.Requests ?? [];

    private async Task AssertNoIssuanceAsync(ClaimsPrincipal user)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var userId = user.UserId();
        Assert.False(await db.SignatureIssuances.AnyAsync(r => r.UserId == userId));
        Assert.False(await db.JoinAttempts.AnyAsync(a => a.UserId == userId));
    }

    /// <summary>A user signed in through OpenID Connect; an Admin or Host also has the roles below it, as the sign-in gives them.</summary>
    private static ClaimsPrincipal User(string id, string email, string role, bool emailVerified) =>
        PortalPrincipalFactory.Create(id, id, email, role == PortalRoles.Host ? [PortalRoles.Attendee, PortalRoles.Host] : [PortalRoles.Attendee], [],
            PortalPrincipalFactory.OidcMethod, emailVerified);
}
