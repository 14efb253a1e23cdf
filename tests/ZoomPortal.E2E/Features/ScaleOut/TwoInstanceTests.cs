using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.E2E.Features.Join.Security;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Attendance;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>Two instances behind nginx with Redis and PostgreSQL: rosters follow events from the other instance and survive faults.</summary>
[Collection(ScaleOutTests.Name)]
public sealed class TwoInstanceTests(BrowserFixture browser, ScaleOutFixture portal)
{
    private const string Alex = "alex.host@example.com";
    private const long MeetingId = ScaleOutFixture.WeeklyTeamSync;

    [Fact]
    public async Task An_attendee_joining_on_instance_A_appears_on_the_hosts_roster_on_instance_B()
    {
        var host = await portal.NewPageOnAsync(browser, "B");
        var attendee = await portal.NewPageOnAsync(browser, "A");
        try
        {
            // Each cookie value was probed while nginx reached both instances (NewPageOnAsync); check it still holds.
            await WaitUntilServedByAsync(host, "B");
            await WaitUntilServedByAsync(attendee, "A");
            await OpenRosterAsync(host);
            Assert.Equal("B", await ScaleOutFixture.InstanceOfAsync(host));

            await JoinFlow.OpenSignedInAsync(attendee, $"/meetings/{MeetingId}/join", "Nia Nginx", "Attendee", email: "nia@example.com");
            Assert.Equal("A", await ScaleOutFixture.InstanceOfAsync(attendee));
            await JoinFlow.JoinAsync(attendee);

            var nia = host.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nia Nginx" });
            await Expect(nia).ToContainTextAsync("In the meeting");
            await Expect(host.GetByTestId("roster-announcement")).ToHaveTextAsync("Nia Nginx joined");
        }
        finally
        {
            await host.Context.CloseAsync();
            await attendee.Context.CloseAsync();
        }
    }

    private static async Task WaitUntilServedByAsync(IPage page, string instance)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        string? answered;
        while ((answered = await ScaleOutFixture.InstanceOfAsync(page)) != instance)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"nginx sent this browser to instance {answered} for 30 s; its affinity cookie names {instance}.");
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task After_Redis_is_down_for_5_s_a_roster_on_B_equals_the_database_within_5_s_nothing_lost_or_doubled()
    {
        var host = await portal.NewPageOnAsync(browser, "B");
        var reporterPage = await browser.NewPageAsync(portal.A.BaseUrl);
        try
        {
            await OpenRosterAsync(host);
            await portal.SeedJoinAsync("dev-alex", MeetingId, role: 1);
            await DevelopmentSignInFlow.SignInAsync(reporterPage, "Alex", "Host", email: Alex);
            await using var reporter = await ConnectAsync(portal.A.BaseUrl, reporterPage);

            for (var run = 1; run <= ScaleOutFixture.FaultRuns; run++)
            {
                await portal.Redis.StopAsync();
                // Joins made on both instances while Redis is away: each attempt is recorded.
                var joins = new List<Guid> { await portal.RecordJoinAttemptAsync("A", $"Outage join {run}-A"), await portal.RecordJoinAttemptAsync("B", $"Outage join {run}-B") };
                // Reported on A while Redis is away: stored at once, their hints to B's roster are lost.
                var names = Enumerable.Range(1, 3).Select(i => $"Outage {run}-{i}").ToList();
                var ids = new List<Guid>();
                foreach (var (name, i) in names.Select((n, i) => (n, i)))
                {
                    var id = Guid.NewGuid();
                    ids.Add(id);
                    var ack = await reporter.InvokeAsync<AttendanceAck>("Report", new AttendanceReport(
                        id, MeetingId, "joined", null, new ReportedParticipant(false, 26_000_000 + (run * 10) + i, name, null, null)));
                    Assert.Null(ack.Refused);
                }

                joins.Add(await portal.RecordJoinAttemptAsync("A", $"Outage join {run}-A2"));
                await Task.Delay(TimeSpan.FromSeconds(5));
                await portal.Redis.StartAsync();
                joins.Add(await portal.RecordJoinAttemptAsync("B", $"Outage join {run}-B2"));

                foreach (var name in names)
                {
                    // Within 5 s of Redis being back: the roster reread the database (its own reload runs only every 30 s).
                    var row = host.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
                    await Expect(row).ToHaveCountAsync(1, new() { Timeout = 5_000 });
                    await Expect(row).ToContainTextAsync("In the meeting");
                }

                await using var db = portal.CreateDbContext();
                var stored = await db.AttendanceEvents.CountAsync(e => names.Contains(e.DisplayName!));
                Assert.Equal(names.Count, stored);
                Assert.Equal(joins.Count, await portal.StoredJoinsAsync(joins));
            }
        }
        finally
        {
            await host.Context.CloseAsync();
            await reporterPage.Context.CloseAsync();
            await portal.Redis.StartAsync();
        }
    }

    [Fact]
    public async Task When_its_instance_dies_the_browser_reconnects_through_nginx_to_the_other_with_no_error_left()
    {
        for (var run = 1; run <= ScaleOutFixture.FaultRuns; run++)
        {
            var host = await portal.NewPageOnAsync(browser, "A");
            var log = new BrowserLog();
            log.Attach(host, "host");
            try
            {
                await OpenRosterAsync(host);
                Assert.Equal("A", await ScaleOutFixture.InstanceOfAsync(host));

                // Marks this document: only a reload (a new document) clears it, so the checks below see the new page.
                await host.EvaluateAsync("() => { window.zpBeforeKill = true; }");
                // A join on A just before it dies, and one on B while A is gone: both attempts are recorded.
                var joins = new List<Guid> { await portal.RecordJoinAttemptAsync("A", $"Dying join {run}") };
                await portal.KillAsync("A");
                joins.Add(await portal.RecordJoinAttemptAsync("B", $"Survivor join {run}"));

                // Blazor's reconnect reaches B through nginx, which does not know the circuit: the page reloads there,
                // signed in still (the Data Protection keys are shared), and its hub connection is live again.
                await host.WaitForFunctionAsync("() => window.zpBeforeKill === undefined", null, new() { Timeout = 60_000 });
                await Expect(host.GetByTestId("roster-connection")).ToHaveTextAsync("Live", new() { Timeout = 60_000 });
                await Expect(host.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Live roster");
                Assert.Equal("B", await ScaleOutFixture.InstanceOfAsync(host));
                await Expect(host.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
                await Expect(host.Locator("#blazor-error-ui")).Not.ToBeVisibleAsync();
                Assert.Equal(joins.Count, await portal.StoredJoinsAsync(joins));
            }
            catch (Exception e)
            {
                await log.CaptureAsync(host, $"stop-run{run}-host");
                throw new InvalidOperationException($"Run {run} failed: {e.Message}\nBrowser:\n{log}\nnginx:\n{portal.Nginx.Log}", e);
            }
            finally
            {
                await host.Context.CloseAsync();
                await portal.RestartAsync("A");
            }
        }
    }

    [Fact]
    public async Task An_affinity_value_found_while_an_instance_is_down_still_routes_where_it_was_meant_once_it_is_back()
    {
        // While A is down nginx sends every value to B; a value picked then would mean A once A is back.
        await portal.KillAsync("A");
        var restart = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await portal.RestartAsync("A");
        });
        try
        {
            var forB = await portal.AffinityForAsync("B");
            await restart;

            // Past nginx's fail_timeout (10 s) A is back in the ring: the value must still mean B.
            await Task.Delay(TimeSpan.FromSeconds(11));
            using var client = new HttpClient { BaseAddress = portal.Nginx.BaseUrl };
            for (var i = 0; i < 5; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
                request.Headers.Add("Cookie", $"{ScaleOutFixture.AffinityCookie}={forB}");
                using var response = await client.SendAsync(request);
                Assert.Equal("B", response.Headers.GetValues(ScaleOutFixture.InstanceHeader).Single());
            }
        }
        finally
        {
            await restart;
            await portal.RestartAsync("A");
        }
    }

    private static async Task OpenRosterAsync(IPage host)
    {
        await JoinFlow.OpenSignedInAsync(host, $"/meetings/{MeetingId}/live", "Alex", "Host", email: Alex);
        await Expect(host.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Live roster");
        await Expect(host.GetByTestId("roster-connection")).ToHaveTextAsync("Live");
    }

    /// <summary>A hub connection with the browser's sign-in cookie (sent as a header: the cookie is Secure, the URL http).</summary>
    private static async Task<HubConnection> ConnectAsync(Uri baseUrl, IPage signedIn)
    {
        var cookies = await signedIn.Context.CookiesAsync();
        var header = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, AttendanceHub.Path), o => o.Headers["Cookie"] = header)
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
