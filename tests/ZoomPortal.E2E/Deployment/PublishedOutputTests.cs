using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Deployment;

/// <summary>The output of the Dockerfile's build stage, started in Production: Blazor's circuit must attach.</summary>
public sealed class PublishedOutputTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [PublishedOutputFact]
    public Task An_interactive_page_attaches_its_circuit() =>
        browser.RunAsync(PublishedOutputFactAttribute.Url, async page =>
        {
            var failedScripts = new List<string>();
            page.Response += (_, response) =>
            {
                if (response.Status >= 400 && response.Request.ResourceType == "script")
                {
                    failedScripts.Add($"{response.Status} {response.Url}");
                }
            };

            var circuits = 0;
            page.WebSocket += (_, socket) =>
            {
                if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref circuits);
                }
            };

            // The home page renders statically now (issue 12), its menu button switched by App.razor.js without a circuit;
            // the not-found page is one of the interactive pages anyone may open.
            await page.GotoAsync("/not-found");
            await page.WaitUntilInteractiveAsync();
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
            await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

            // Only a live circuit runs the click handler; prerendered HTML ignores it. A click that lands just before the
            // circuit attaches is lost, so click again until the drawer answers or 30 s have passed.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            var expanded = "true";
            while (expanded == "true" && DateTime.UtcNow < deadline)
            {
                await toggle.ClickAsync();
                await page.WaitForTimeoutAsync(1_000);
                expanded = await toggle.GetAttributeAsync("aria-expanded");
            }

            Assert.Equal("false", expanded);
            Assert.True(circuits > 0, "No Blazor circuit (/_blazor WebSocket) was opened.");
            Assert.Empty(failedScripts);
        });
}
