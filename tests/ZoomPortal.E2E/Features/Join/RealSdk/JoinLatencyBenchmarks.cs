using System.Globalization;
using Xunit.Abstractions;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// Time from clicking Join to the SDK's <c>join</c> call, with the SDK preloaded by the join page, for the stand-in and
/// the real SDK (Component View). Prints figures for docs/performance.md; asserts nothing about timing.
/// Run: <c>dotnet test tests/ZoomPortal.E2E --filter "Category=Benchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(RealSdkJoins.Name)]
[Trait("Category", "Benchmark")]
public sealed class JoinLatencyBenchmarks(BrowserFixture browser, RealSdkPortalFixture realSdk, StandInPortalFixture standIn, ITestOutputHelper output)
    : IClassFixture<StandInPortalFixture>
{
    private const int Runs = 5;

    // The browser's own click (event.timeStamp shares performance.now()'s time origin), before Blazor sees it.
    private const string MarkClicks =
        "document.addEventListener('click', e => performance.mark('e2e-click', { startTime: e.timeStamp }), { capture: true });";

    private const string ReadLatencies = """
        async () => {
            const module = await import(new URL('src/Features/Join/JoinMeetingPage.razor.js', document.baseURI).href);
            const click = performance.getEntriesByName('e2e-click').at(-1);
            const call = performance.getEntriesByName('zoomportal-join-call').find(e => e.startTime >= click.startTime);
            return [call.startTime - click.startTime, module.joinLatency()];
        }
        """;

    [Fact]
    public Task Stand_in_click_to_join_call() => MeasureAsync("stand-in", standIn);

    [Fact]
    public Task Real_sdk_component_view_click_to_join_call() => MeasureAsync("real SDK 6.2.0, Component View", realSdk);

    private async Task MeasureAsync(string what, PortalFixture portal)
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        var fromClick = new List<double>();
        var fromModule = new List<double>();
        // Run 0 warms the portal (JIT, first circuit) and is not counted.
        for (var run = 0; run <= Runs; run++)
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await page.AddInitScriptAsync(MarkClicks);
                await JoinPageFlow.OpenAsAttendeeAsync(page, $"Bench {run}", meeting.Id);
                await JoinPageFlow.JoinButton(page).ClickAsync();
                await page.WaitForFunctionAsync("() => performance.getEntriesByName('zoomportal-join-call').length > 0");
                var latencies = await page.EvaluateAsync<double[]>(ReadLatencies);
                if (run > 0)
                {
                    fromClick.Add(latencies[0]);
                    fromModule.Add(latencies[1]);
                }
            });
        }

        output.WriteLine($"Join latency, {what}, {Runs} runs (ms): click → join call {Summary(fromClick)}; module entry → join call {Summary(fromModule)}");
    }

    private static string Summary(List<double> values)
    {
        var sorted = values.Order().ToList();
        string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
        return $"median {Ms(sorted[sorted.Count / 2])}, min {Ms(sorted[0])}, max {Ms(sorted[^1])}";
    }
}
