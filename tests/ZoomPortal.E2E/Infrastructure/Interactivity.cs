namespace ZoomPortal.E2E.Infrastructure;

/// <summary>Waits that keep tests from acting on prerendered markup before Blazor's circuit is attached.</summary>
public static class Interactivity
{
    /// <summary>
    /// Waits until the network is quiet: the page's scripts have loaded and the circuit's negotiation and WebSocket are done. Input typed into
    /// an interactive component before this is lost when the circuit attaches; static SSR pages need no wait.
    /// </summary>
    public static async Task WaitUntilInteractiveAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
