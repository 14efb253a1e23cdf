using System.Security.Claims;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Features.Attendance;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Tests.Features.Attendance;

namespace ZoomPortal.Tests.Features.ScaleOut;

/// <summary>PostgreSQL restarted while attendance events arrive: the portal rides it out, nothing lost or doubled.</summary>
public sealed class PostgresRestartTests
{
    private const long MeetingId = 84512345671;

    [Fact]
    public async Task Reports_and_join_attempts_during_a_PostgreSQL_restart_all_succeed_and_are_stored_once()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("ZOOMPORTAL_FAULT_RUNS"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        await using var postgres = new OwnPostgresServer();
        await postgres.StartAsync();
        await using var portal = AttendancePortal.Start(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = postgres.ConnectionString,
            ["Attendance:EventsPerSecond"] = "1000",
        });
        await portal.SeedMeetingAsync(MeetingId, "alex.host@example.com");
        await portal.SeedJoinAsync("dev-alex", MeetingId, role: 1);
        await using var host = await portal.ConnectAsync(await portal.SignInAsync("Alex", PortalRoles.Host, "alex.host@example.com"));

        var reported = 0;
        var joins = new List<Guid>();
        for (var run = 1; run <= runs; run++)
        {
            var restart = Task.CompletedTask;
            var afterRestart = 0;
            for (var i = 0; afterRestart < 5; i++)
            {
                Assert.True(i < 5000, "The restart never finished.");
                if (i == 5)
                {
                    // Cut every connection while reports keep coming, until a few arrived after the server was back.
                    restart = Task.Run(postgres.RestartAsync);
                }

                var report = new AttendanceReport(Guid.NewGuid(), MeetingId, "joined", null,
                    new ReportedParticipant(false, 30_000_000 + (run * 10_000) + i, $"Restart {run}-{i}", null, null));
                // No resend here (a page would resend): the server itself must get each event through the restart.
                var ack = await host.InvokeAsync<AttendanceAck>("Report", report);
                Assert.Null(ack.Refused);
                Assert.False(ack.Duplicate);
                reported++;
                if (i % 5 == 0 || (i > 5 && !restart.IsCompleted))
                {
                    // A user clicks Join meanwhile: the attempt the join page's server side records is not lost either.
                    joins.Add(await JoinAsync(portal, $"Join {run}-{i}"));
                }

                if (i > 5 && restart.IsCompleted)
                {
                    afterRestart++;
                }

                await Task.Delay(50);
            }

            await restart;
        }

        var stored = await portal.EventsAsync();
        Assert.Equal(reported, stored.Count);
        Assert.Equal(reported, stored.Select(e => e.IdempotencyKey).Distinct().Count());
        await using var db = await portal.Db().CreateDbContextAsync();
        Assert.Equal(joins.Count, await db.JoinAttempts.CountAsync(a => joins.Contains(a.JoinId)));
    }

    /// <summary>Start a join and issue its signature through the portal's own service (a new user each time); its join id.</summary>
    private static async Task<Guid> JoinAsync(AttendancePortal portal, string name)
    {
        var join = portal.App.Services.GetRequiredService<JoinService>();
        var userId = "join-" + Guid.NewGuid().ToString("N");
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalClaimTypes.UserId, userId), new Claim(PortalClaimTypes.Email, userId + "@example.com"), new Claim(PortalClaimTypes.Name, name)],
            "test", PortalClaimTypes.Name, PortalClaimTypes.Role));
        var session = await join.StartJoinAsync(user, MeetingId, JoinKind.Join, null, CancellationToken.None);
        Assert.NotNull(session);
        var result = await join.IssueSignatureAsync(user, session, 1, false, name, null, CancellationToken.None);
        Assert.True(result.Ticket is not null, result.Problem);
        return session.JoinId;
    }
}
