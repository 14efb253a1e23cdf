using Microsoft.EntityFrameworkCore;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Meetings;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.Security;

/// <summary>Who gets a signature from the join and start pages: nobody anonymous, no non-host for role 1, nobody outside a meeting's groups.</summary>
[Collection(JoinPortalTests.Name)]
public sealed class JoinAccessTests(BrowserFixture browser, JoinPortalFixture portal)
{
    [Theory]
    [InlineData("join")]
    [InlineData("start")]
    public Task Anonymous_visitor_is_sent_to_sign_in_and_gets_no_signature(string action) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var meeting = portal.Meeting("Weekly team sync");
            var traffic = BrowserTraffic.Record(page);

            await page.GotoAsync($"/meetings/{meeting.Id}/{action}");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Development sign-in", Level = 1 })).ToBeVisibleAsync();
            Assert.Equal("/authentication/dev-signin", new Uri(page.Url).AbsolutePath);
            Assert.DoesNotContain(traffic.Frames, f => f.Text.Contains("GetSignatureAsync", StringComparison.Ordinal));
            Assert.DoesNotContain(traffic.RequestUrls, u => u.Contains("JoinMeetingPage.razor.js", StringComparison.Ordinal));
        });

    [Fact]
    public async Task Attendee_opening_the_start_page_is_refused_and_gets_no_signature_or_ZAK()
    {
        var meeting = portal.Meeting("Customer onboarding: Contoso");
        var zakRequestsBefore = ZakRequests();

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            var traffic = BrowserTraffic.Record(page);
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/start", "Mallory Attendee", "Attendee");

            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(JoinFlow.OnlyHostCanStart);
            await Expect(JoinFlow.StartButton(page)).ToHaveCountAsync(0);
            // The refused page never loads the join module, so the circuit offers nothing to ask a signature with.
            Assert.DoesNotContain(traffic.RequestUrls, u => u.Contains("JoinMeetingPage.razor.js", StringComparison.Ordinal));
        });

        await using var db = portal.CreateDbContext();
        Assert.False(await db.SignatureIssuances.AnyAsync(r => r.MeetingId == meeting.Id));
        Assert.Equal(zakRequestsBefore, ZakRequests());
    }

    [Fact]
    public async Task User_outside_the_meetings_groups_gets_404_on_join_and_start_and_no_signature()
    {
        var meeting = portal.Meeting("Design review");
        await RestrictAsync(meeting.Id, "finance");

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Otto Outsider", "Attendee", groups: "marketing");

            foreach (var path in new[] { $"/meetings/{meeting.Id}/join", $"/meetings/{meeting.Id}/start", $"/meetings/{meeting.Id}/join/client" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(404, response?.Status);
                await Expect(JoinFlow.JoinButton(page)).ToHaveCountAsync(0);
            }
        });

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            // The same page for someone in the group: the 404 above is the restriction, not a broken page.
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/join", "Ines Insider", "Attendee", groups: "finance");
            await Expect(JoinFlow.JoinButton(page)).ToBeEnabledAsync();
        });

        await using var db = portal.CreateDbContext();
        Assert.False(await db.SignatureIssuances.AnyAsync(r => r.MeetingId == meeting.Id));
    }

    private int ZakRequests() =>
        portal.Sandbox.Server?.Requests.Count(r => r.Contains("type=zak", StringComparison.Ordinal)) ?? 0;

    private async Task RestrictAsync(long meetingId, string group)
    {
        await using var db = portal.CreateDbContext();
        var meeting = await db.Meetings.Include(m => m.Groups).SingleAsync(m => m.Id == meetingId);
        meeting.Visibility = MeetingVisibility.Groups;
        meeting.Groups.Clear();
        meeting.Groups.Add(new MeetingGroup { Name = group });
        await db.SaveChangesAsync();
    }
}
