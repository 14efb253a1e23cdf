using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Meetings;

[Collection(DevelopmentPortalTests.Name)]
public sealed class MeetingsPageTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Theory]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/New_York")]
    public Task Shows_the_sandbox_meetings_at_local_times_of_the_browsers_zone(string timeZone) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var account = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>();
            var tokyoCall = account.Meetings.Single(m => m.Topic == "Tokyo partner call");
            var expected = MeetingTimes.Format(tokyoCall.StartTime, TimeZoneInfo.FindSystemTimeZoneById(timeZone));

            await DevelopmentSignInFlow.SignInAsync(page, "Zoe Zone", "Attendee");
            await page.WaitUntilInteractiveAsync();

            await Expect(page.GetByText($"Times are shown in your time zone, {timeZone}.")).ToBeVisibleAsync();
            var card = page.Locator(".mud-card, .mud-paper").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Tokyo partner call" }) }).First;
            await Expect(card).ToContainTextAsync(expected);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live now", Level = 2 })).ToBeVisibleAsync();
        }, new BrowserNewContextOptions { TimezoneId = timeZone });

    [Fact]
    public async Task A_meeting_restricted_to_a_group_is_hidden_from_others_and_answers_404()
    {
        var account = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>();
        var townHall = account.Meetings.Single(m => m.Topic == "Sydney town hall");
        await RestrictAsync(townHall.Id, "finance");

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Otto Outsider", "Attendee", groups: "marketing");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sydney town hall" })).ToHaveCountAsync(0);

            var response = await page.GotoAsync($"/meetings/{townHall.Id}");
            Assert.Equal(404, response?.Status);
        });

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Ines Insider", "Attendee", groups: "finance");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sydney town hall" })).ToBeVisibleAsync();

            var response = await page.GotoAsync($"/meetings/{townHall.Id}");
            Assert.Equal(200, response?.Status);
        });
    }

    [Fact]
    public Task Meeting_details_page_has_no_serious_accessibility_violations() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var account = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>();
            var demo = account.Meetings.Single(m => m.Topic == "Product demo for Fabrikam");
            await DevelopmentSignInFlow.SignInAsync(page, "Axe Attendee", "Attendee", returnUrl: $"/meetings/{demo.Id}");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Product demo for Fabrikam", Level = 1 })).ToBeVisibleAsync();

            await page.AssertNoSeriousViolationsAsync();
        });

    private async Task RestrictAsync(long meetingId, string group)
    {
        var factory = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        // The catalog fills from the sandbox in the background at start-up; wait for this meeting to arrive.
        for (var i = 0; i < 100; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var meeting = await db.Meetings.Include(m => m.Groups).SingleOrDefaultAsync(m => m.Id == meetingId);
            if (meeting is not null)
            {
                meeting.Visibility = MeetingVisibility.Groups;
                meeting.Groups.Clear();
                meeting.Groups.Add(new MeetingGroup { Name = group });
                await db.SaveChangesAsync();
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Meeting {meetingId} never reached the catalog.");
    }
}
