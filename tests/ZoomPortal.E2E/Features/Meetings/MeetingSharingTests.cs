using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Zoom.Sandbox;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Meetings;

[Collection(DevelopmentPortalTests.Name)]
public sealed class MeetingSharingTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Fact]
    public Task A_recurring_meeting_is_listed_once_and_its_calendar_file_and_link_can_be_taken_away() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var account = portal.Server.Services.GetRequiredService<ZoomSandboxAccount>();
            var mentoring = account.Meetings.Single(m => m.Topic == "Mentoring 1:1");

            await DevelopmentSignInFlow.SignInAsync(page, "Cal Endar", "Attendee");
            await page.WaitUntilInteractiveAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/meetings$"));
            var upcoming = page.GetByTestId("section-upcoming");
            await Expect(upcoming.GetByRole(AriaRole.Link, new() { Name = "Mentoring 1:1" })).ToHaveCountAsync(1);
            await Expect(upcoming.GetByRole(AriaRole.Heading, new() { Level = 3 }).First).ToBeVisibleAsync();

            await page.GotoAsync($"/meetings/{mentoring.Id}");
            await page.WaitUntilInteractiveAsync();
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar: Mentoring 1:1 (downloads an .ics file)" }).ClickAsync());
            var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("SUMMARY:Mentoring 1:1", ics, StringComparison.Ordinal);
            Assert.Contains("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4", ics, StringComparison.Ordinal);
            Assert.DoesNotContain(mentoring.Passcode!, ics, StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Copy link to Mentoring 1:1" }).ClickAsync();
            await Expect(page.GetByTestId("copy-status")).ToHaveTextAsync("Link copied.");
            Assert.Equal($"{portal.BaseUrl.ToString().TrimEnd('/')}/meetings/{mentoring.Id}", await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        }, new BrowserNewContextOptions { AcceptDownloads = true, Permissions = ["clipboard-read", "clipboard-write"] });

    [Theory]
    [InlineData(ColorScheme.Light, 1280, 900)]
    [InlineData(ColorScheme.Dark, 412, 915)]
    public Task The_meetings_page_reads_as_days_on_desktop_and_phone(ColorScheme scheme, int width, int height) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Day Reader", "Attendee");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByText("Times are shown in your time zone, Europe/Berlin.")).ToBeVisibleAsync();
            var upcoming = page.GetByTestId("section-upcoming");
            await Expect(upcoming.GetByRole(AriaRole.Heading, new() { Name = "Tomorrow", Level = 3 })).ToBeVisibleAsync();
            // Each recurring sandbox meeting is listed once in Upcoming.
            await Expect(upcoming.GetByRole(AriaRole.Link, new() { Name = "Design review" })).ToHaveCountAsync(1);
            await BrowserFixture.CaptureAsync(page, $"meetings-{scheme.ToString().ToLowerInvariant()}-{width}");
            await page.AssertNoSeriousViolationsAsync();
        }, new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = width, Height = height }, TimezoneId = "Europe/Berlin" });
}
