using Microsoft.EntityFrameworkCore;
using ZoomPortal.E2E.Features.Join.Security;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.HostStart;

/// <summary>A host starts her meeting in the sandbox; other hosts cannot; attendees wait for her and then get in; Leave goes back.</summary>
[Collection(JoinPortalTests.Name)]
public sealed class HostStartTests(BrowserFixture browser, JoinPortalFixture portal)
{
    private const string Priya = "priya.host@example.com";

    [Fact]
    public async Task Host_starts_her_meeting_and_another_host_is_refused()
    {
        var meeting = portal.Meeting("Product demo for Fabrikam");
        Assert.Equal(ZoomSandboxAccount.Waiting, portal.Account.StatusOf(meeting.Id));

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/start", "Priya Raman", "Host", email: Priya);
            await JoinFlow.StartAsync(page);

            await Expect(JoinFlow.Participants(page).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Priya Raman" }))
                .ToHaveTextAsync("Priya Raman (host) (you)");
        });

        Assert.Equal(ZoomSandboxAccount.Started, portal.Account.StatusOf(meeting.Id));
        // The stand-in lists the host as soon as Zoom's join succeeds; the page's report of it follows over the circuit.
        JoinAttempt? attempt = null;
        for (var i = 0; i < 100 && attempt?.JoinOutcome != JoinAttemptOutcome.Succeeded; i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            await using var db = portal.CreateDbContext();
            attempt = await db.JoinAttempts.AsNoTracking().SingleAsync(a => a.MeetingId == meeting.Id);
        }

        Assert.Equal(1, attempt!.Role);
        Assert.Equal(JoinAttemptOutcome.Succeeded, attempt.Outcome);
        Assert.Equal(JoinAttemptOutcome.Succeeded, attempt.JoinOutcome);

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/start", "Alex Morgan", "Host", email: "alex.host@example.com");

            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(JoinFlow.OnlyHostCanStart);
            await Expect(JoinFlow.StartButton(page)).ToHaveCountAsync(0);
        });

        await using (var db = portal.CreateDbContext())
        {
            var priyasId = (await db.JoinAttempts.SingleAsync(a => a.MeetingId == meeting.Id)).UserId;
            var issued = await db.SignatureIssuances.Where(r => r.MeetingId == meeting.Id).ToListAsync();
            var only = Assert.Single(issued);
            Assert.Equal(priyasId, only.UserId);
            Assert.Equal(1, only.Role);
        }
    }

    [Fact]
    public async Task Attendee_waits_for_the_host_and_joins_once_she_starts()
    {
        var meeting = portal.Meeting("All-hands");
        Assert.Equal(ZoomSandboxAccount.Waiting, portal.Account.StatusOf(meeting.Id));

        var attendee = await browser.NewPageAsync(portal.BaseUrl);
        try
        {
            await JoinFlow.OpenSignedInAsync(attendee, $"/meetings/{meeting.Id}/join", "Ada Attendee", "Attendee");
            await JoinFlow.ClickWhenReadyAsync(JoinFlow.JoinButton(attendee));
            await Expect(attendee.Locator(".join-progress")).ToContainTextAsync(JoinFlow.WaitingForHost);
            await Expect(attendee.Locator(".join-progress")).ToContainTextAsync("Checking again in");
            await Expect(JoinFlow.SandboxMeeting(attendee)).ToHaveCountAsync(0);

            await browser.RunAsync(portal.BaseUrl, async host =>
            {
                await JoinFlow.OpenSignedInAsync(host, $"/meetings/{meeting.Id}/start", "Priya Raman", "Host", email: Priya);
                await JoinFlow.StartAsync(host);
                Assert.Equal(ZoomSandboxAccount.Started, portal.Account.StatusOf(meeting.Id));

                // The attendee's page tries again on its own within Join:WaitForHostInterval.
                await Expect(JoinFlow.SandboxMeeting(attendee)).ToBeVisibleAsync(new() { Timeout = (float)(JoinPortalFixture.WaitForHostInterval * 3).TotalMilliseconds });
                await Expect(JoinFlow.Participants(attendee)).ToContainTextAsync("Priya Raman (host)");
                await Expect(JoinFlow.Participants(attendee)).ToContainTextAsync("Ada Attendee (you)");
            });
        }
        finally
        {
            await attendee.Context.CloseAsync();
        }

        await using var db = portal.CreateDbContext();
        var attempts = await db.JoinAttempts.Where(a => a.MeetingId == meeting.Id && a.Role == 0).OrderBy(a => a.AttemptNumber).ToListAsync();
        Assert.Equal(3008, attempts[0].ErrorCode);
        Assert.Equal(JoinAttemptOutcome.Succeeded, attempts[^1].Outcome);
    }

    [Fact]
    public Task Leave_meeting_returns_to_the_meetings_page() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var meeting = portal.Meeting("Weekly team sync");
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/join", "Lea Leaver", "Attendee");
            await JoinFlow.JoinAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Leave meeting", Exact = true }).ClickAsync();

            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/meetings/{meeting.Id}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = meeting.Topic, Level = 1 })).ToBeVisibleAsync();
        });
}
