using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.E2E.Features.Join.Security;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Auth;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>
/// Instance A as a real process killed with SIGKILL while a host's roster and an attendee's join page are on it: both
/// browsers come back on B through nginx, nothing stored is lost or doubled, and the roster equals the database.
/// </summary>
[Collection(ScaleOutTests.Name)]
public sealed class KilledInstanceTests(BrowserFixture browser, ScaleOutFixture portal)
{
    private const string Alex = "alex.host@example.com";
    private const long MeetingId = ScaleOutFixture.WeeklyTeamSync;

    [Fact]
    public async Task When_its_instance_process_is_killed_the_roster_and_the_join_page_come_back_on_the_other_with_nothing_lost()
    {
        try
        {
            for (var run = 1; run <= ScaleOutFixture.FaultRuns; run++)
            {
                await KillDuringUseAsync(run);
            }
        }
        finally
        {
            // The other tests of the collection expect A in this process again.
            await portal.RestartAsync("A");
        }
    }

    private async Task KillDuringUseAsync(int run)
    {
        var process = await portal.RunAsProcessAsync();
        var host = await portal.NewPageOnAsync(browser, "A");
        var attendee = await portal.NewPageOnAsync(browser, "A");
        var name = $"Kira Kill {run} {Guid.NewGuid().ToString("N")[..6]}";
        var userId = "dev-" + DevelopmentSignInForm.Slug(name);
        var log = new BrowserLog();
        log.Attach(host, "host");
        log.Attach(attendee, "attendee");
        try
        {
            await OpenRosterAsync(host);
            Assert.Equal("A", await ScaleOutFixture.InstanceOfAsync(host));
            await JoinFlow.OpenSignedInAsync(attendee, $"/meetings/{MeetingId}/join", name, "Attendee", email: $"{userId}@example.com");
            Assert.Equal("A", await ScaleOutFixture.InstanceOfAsync(attendee));
            await JoinFlow.JoinAsync(attendee);
            var row = host.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync("In the meeting");
            // The row can come from the sandbox's webhook first: kill only once the browser's own report is stored (a
            // report still in flight dies with A, unacknowledged, and the reloaded page does not have it any more).
            Assert.Equal([AttendanceEventKind.Joined], await StoredKindsAsync(name, expected: 1));

            // Marks both documents: only a reload (a new document) clears it, so the checks below see the new pages.
            foreach (var page in new[] { host, attendee })
            {
                await page.EvaluateAsync("() => { window.zpBeforeKill = true; }");
            }

            await portal.KillProcessAsync();
            Assert.True(process.HasExited);

            // Blazor's reconnect reaches B through nginx, which does not know the circuit: each page reloads there,
            // signed in still (the Data Protection keys are in the shared database).
            foreach (var page in new[] { host, attendee })
            {
                await page.WaitForFunctionAsync("() => window.zpBeforeKill === undefined", null, new() { Timeout = 60_000 });
            }

            await Expect(host.GetByTestId("roster-connection")).ToHaveTextAsync("Live", new() { Timeout = 60_000 });
            await Expect(host.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Live roster");
            await Expect(JoinFlow.JoinButton(attendee)).ToBeEnabledAsync(new() { Timeout = 60_000 });
            foreach (var page in new[] { host, attendee })
            {
                Assert.Equal("B", await ScaleOutFixture.InstanceOfAsync(page));
                await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
                await Expect(page.Locator("#blazor-error-ui")).Not.ToBeVisibleAsync();
            }

            // What A stored before it died is on B's roster: the database's roster, within 5 s.
            await ExpectRosterEqualsDatabaseAsync(host);
            await Expect(row).ToContainTextAsync("In the meeting");

            // The attendee joins again, now on B: its report is stored (once) and the host's roster follows live.
            await JoinFlow.JoinAsync(attendee);
            var joined = await StoredKindsAsync(name, expected: 2);
            await ExpectRosterEqualsDatabaseAsync(host);

            // Two joins (one on A before the kill, one on B after): both attempts recorded, once each.
            await using var db = portal.CreateDbContext();
            Assert.Equal(2, await db.JoinAttempts.CountAsync(a => a.UserId == userId && a.MeetingId == MeetingId));
            // Two 'joined' reports acknowledged, two rows: none lost with A, none stored twice by a resend. (Each
            // instance's sandbox also sends Zoom's webhook for each join: rows of their own, Source = Webhook.)
            Assert.Equal([AttendanceEventKind.Joined, AttendanceEventKind.Joined], joined);
        }
        catch (Exception e)
        {
            await log.CaptureAsync(host, $"kill-run{run}-host");
            await log.CaptureAsync(attendee, $"kill-run{run}-attendee");
            throw new InvalidOperationException(
                $"Run {run} failed: {e.Message}\nBrowsers:\n{log}\nInstance A's process wrote:\n{process.Log}\nnginx:\n{portal.Nginx.Log}", e);
        }
        finally
        {
            await host.Context.CloseAsync();
            await attendee.Context.CloseAsync();
        }
    }

    /// <summary>The kinds of the events the browser reported (not the sandbox's webhooks) for <paramref name="name"/>, once at least <paramref name="expected"/> are (or 10 s passed).</summary>
    private async Task<List<AttendanceEventKind>> StoredKindsAsync(string name, int expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var db = portal.CreateDbContext();
            var kinds = await db.AttendanceEvents.Where(e => e.DisplayName == name && e.Source == AttendanceSource.Sdk).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
            if (kinds.Count >= expected || DateTimeOffset.UtcNow > deadline)
            {
                // A moment more, so that a doubled row arriving late is counted too.
                await Task.Delay(500);
                return await db.AttendanceEvents.Where(e => e.DisplayName == name && e.Source == AttendanceSource.Sdk).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The roster's rows (name and state) equal the database's roster of the meeting's newest session within 5 s.</summary>
    private async Task ExpectRosterEqualsDatabaseAsync(IPage host)
    {
        var roster = portal.Services.GetRequiredService<AttendanceRoster>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        string shown, stored;
        do
        {
            var snapshot = await roster.LoadAsync(MeetingId, null, CancellationToken.None);
            stored = string.Join('\n', (snapshot?.Attendees ?? []).Select(a => $"{a.DisplayName}: {a.State}").Order(StringComparer.Ordinal));
            var rows = await host.GetByTestId("roster-row").EvaluateAllAsync<string[]>(
                "rows => rows.map(r => r.querySelector('th').textContent.trim() + ': ' + r.dataset.state)");
            shown = string.Join('\n', rows.Order(StringComparer.Ordinal));
            if (shown == stored)
            {
                return;
            }

            await Task.Delay(200);
        }
        while (DateTimeOffset.UtcNow < deadline);

        Assert.Fail($"The roster did not equal the database within 5 s.\nShown:\n{shown}\nStored:\n{stored}");
    }

    private static async Task OpenRosterAsync(IPage host)
    {
        await JoinFlow.OpenSignedInAsync(host, $"/meetings/{MeetingId}/live", "Alex", "Host", email: Alex);
        await Expect(host.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Live roster");
        await Expect(host.GetByTestId("roster-connection")).ToHaveTextAsync("Live");
    }
}
