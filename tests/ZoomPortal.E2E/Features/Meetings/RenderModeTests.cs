using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ZoomPortal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Meetings;

/// <summary>
/// Issue 12: the pages that only list and link render statically and hold no Blazor circuit per reader; the join page
/// is interactive. A circuit shows in the browser as requests to <c>/_blazor</c> (negotiate, then the WebSocket).
/// </summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed partial class RenderModeTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Fact]
    public Task Browsing_home_meetings_and_a_meeting_opens_no_circuit_and_the_join_page_opens_one() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            var circuitRequests = new ConcurrentQueue<string>();
            page.Request += (_, request) =>
            {
                if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    circuitRequests.Enqueue(new Uri(request.Url).AbsolutePath);
                }
            };
            page.WebSocket += (_, socket) =>
            {
                if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    circuitRequests.Enqueue("websocket " + new Uri(socket.Url).AbsolutePath);
                }
            };

            // Signing in lands on /meetings (the sign-in sends "/" there too); then the home page, loaded in full.
            await DevelopmentSignInFlow.SignInAsync(page, "Stella Static", "Attendee");
            await page.GotoAsync("/");
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ZoomPortal", Level = 1 })).ToBeVisibleAsync();

            // Clicked like a person, so enhanced navigation (not full loads) carries the session from page to page.
            await page.GetByRole(AriaRole.Link, new() { Name = "Go to my meetings" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(MeetingsPath());
            var live = page.GetByTestId("section-live");
            await Expect(live.GetByTestId("meeting-card").First).ToBeVisibleAsync();
            await page.WaitUntilInteractiveAsync();

            var topic = (await live.GetByTestId("meeting-card").First.GetByRole(AriaRole.Link).First.TextContentAsync())!.Trim();
            await live.GetByRole(AriaRole.Link, new() { Name = topic, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = topic, Level = 1 })).ToBeVisibleAsync();
            await page.WaitUntilInteractiveAsync();

            Assert.True(circuitRequests.IsEmpty, "Static pages opened a circuit: " + string.Join(", ", circuitRequests));

            // The join page needs its circuit (the join runs on the server): a full load, then negotiate and the WebSocket.
            await page.GetByRole(AriaRole.Link, new() { Name = $"Join {topic}", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Join meeting", Exact = true })).ToBeEnabledAsync();
            Assert.Contains(circuitRequests, path => path.StartsWith("websocket /_blazor", StringComparison.Ordinal));
        });

    [GeneratedRegex("/meetings$")]
    private static partial Regex MeetingsPath();
}
