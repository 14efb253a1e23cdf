using System.Diagnostics;
using System.Text.Json;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Features.Join.Mobile;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Signing;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>Which page joins: the Component View on a desktop, or the Client View page on a desktop or a phone.</summary>
public enum SdkPage
{
    ComponentDesktop,
    ClientDesktop,
    ClientMobile,
}

/// <summary>
/// One observed run of the real SDK 6.2.0 with Zoom's <c>wc/info</c> answered by <see cref="ZoomWebService"/>: what Zoom
/// drew (its dialogs, visible or hidden by the portal's containment; its preview), whether anything covered the portal's
/// status or hid it from screen readers, how often Zoom's web service was called against the attempts the portal
/// recorded, and what Zoom's Retry did when pressed. Screenshots go to TestResults/screenshots/sdk-option-{name}*.png.
/// </summary>
internal static class SdkOptionRun
{
    /// <summary>Kept in sessionStorage, so it survives the page loads of the Client View's retries (and Zoom's Retry's reload).</summary>
    private const string Observer = """
        (() => {
            const key = 'sdkOptionObservations';
            const read = () => JSON.parse(sessionStorage.getItem(key) ?? '{"dialogs":[],"preview":[],"covered":[],"ariaHidden":[],"loads":0,"retryCalls":0}');
            const write = o => sessionStorage.setItem(key, JSON.stringify(o));
            const first = read(); first.loads++; write(first);
            const load = 'page ' + first.loads + ' ';
            const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const note = (list, text) => { if (!list.includes(text)) list.push(text); };
            setInterval(() => {
                if (window.__sdkOptionPeek) return; // the test lifted the portal's containment for a screenshot
                const o = read();
                for (const d of document.querySelectorAll('[role=dialog], [role=alertdialog]')) {
                    const title = (d.textContent || d.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 160);
                    if (title) note(o.dialogs, load + (visible(d) ? 'visible: ' : 'hidden: ') + title);
                }
                const preview = [...document.querySelectorAll('[class*="preview"]')].find(el => [...el.classList].some(c => c.startsWith('preview')));
                if (preview) note(o.preview, load + (visible(preview) ? 'visible: ' : 'hidden: ') + preview.className.slice(0, 60));
                const status = document.querySelector('.join-progress');
                if (status) {
                    const box = status.getBoundingClientRect();
                    const top = box.width > 0 ? document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : null;
                    // An ancestor at the status's centre is the status not painted yet, not something on top of it.
                    if (top && !status.contains(top) && !top.contains(status)) note(o.covered, load + top.outerHTML.slice(0, 100));
                    for (let node = status; node; node = node.parentElement) {
                        if (node.getAttribute('aria-hidden') === 'true') note(o.ariaHidden, load + node.tagName + '#' + node.id + '.' + String(node.className).slice(0, 40));
                    }
                }
                write(o);
            }, 250);
        })();
        """;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "sdk-options");

    /// <summary>
    /// Joins as <paramref name="name"/> on <paramref name="page"/> with Zoom's web clock at <paramref name="zoomWebSkew"/>
    /// (−7 min: the first signature is rejected with "Invalid signature."; zero: it passes and Zoom's meeting servers are
    /// out of reach). Looks for <paramref name="settle"/> after the first wc/info answer, then, when
    /// <paramref name="pressZoomRetry"/>, waits up to <paramref name="retryWait"/> for a Retry button in one of Zoom's
    /// dialogs (hidden or not), presses it and looks for 10 s more.
    /// </summary>
    public static async Task<SdkOptionObservation> RunAsync(
        BrowserFixture browser, SdkOptionPortalFixture portal, string name, string runName, SdkPage page,
        TimeSpan zoomWebSkew, TimeSpan settle, bool pressZoomRetry, TimeSpan retryWait)
    {
        var meeting = portal.LiveMeeting();
        await portal.WaitForCatalogAsync(meeting.Id);
        await portal.WaitForClockAsync();
        ZoomWebService? zoom = null;
        var screenshots = new List<string>();
        var retryPressed = false;
        var observed = new Observed();
        await browser.RunAsync(portal.BaseUrl, async tab =>
        {
            zoom = await ZoomWebService.AnswerAsync(tab, SandboxSdkCredentials.ClientSecret, zoomWebSkew);
            await tab.AddInitScriptAsync(Observer);
            switch (page)
            {
                case SdkPage.ComponentDesktop:
                    await JoinPageFlow.OpenAsAttendeeAsync(tab, name, meeting.Id);
                    break;
                case SdkPage.ClientMobile:
                    await ClientViewFlow.OpenAsMobileAttendeeAsync(tab, name, meeting.Id);
                    break;
                default:
                    await DevelopmentSignInFlow.SignInAsync(tab, name, "Attendee", returnUrl: ClientViewFlow.ClientPath(meeting.Id));
                    await tab.WaitUntilInteractiveAsync();
                    await Expect(JoinPageFlow.JoinButton(tab)).ToBeEnabledAsync();
                    break;
            }

            await JoinPageFlow.JoinButton(tab).ClickAsync();
            var clock = Stopwatch.StartNew();
            while (zoom.Calls.Count == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), "The SDK never called wc/info.");
                await Task.Delay(250);
            }

            await Task.Delay(settle);
            screenshots.AddRange(await CaptureAsync(tab, runName, string.Empty));
            if (pressZoomRetry)
            {
                clock.Restart();
                var retry = tab.Locator("[role=dialog] button, [role=alertdialog] button").Filter(new() { HasTextRegex = new("^\\s*Retry\\s*$") });
                while (await retry.CountAsync() == 0 && clock.Elapsed < retryWait)
                {
                    await Task.Delay(500);
                }

                if (await retry.CountAsync() > 0)
                {
                    screenshots.AddRange(await CaptureAsync(tab, runName, "-retry-dialog"));
                    observed.CallsBeforeRetry = zoom.Calls.Count;
                    // A script click: the portal's containment may hide the dialog, but Zoom's handler runs all the same.
                    // The portal's own retry may have replaced the page meanwhile: then nothing was pressed.
                    retryPressed = await retry.First.EvaluateAsync<bool>("button => { button.click(); return true; }", null, new() { Timeout = 3_000 })
                        .ContinueWith(click => click.Exception is null && !click.IsCanceled && click.Result, TaskScheduler.Default);
                    await Task.Delay(TimeSpan.FromSeconds(10));
                    screenshots.AddRange(await CaptureAsync(tab, runName, "-after-retry"));
                }
            }

            // The page may be navigating (a retry's reload): read once it has settled.
            for (var read = 0; ; read++)
            {
                try
                {
                    await tab.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                    observed.Json = await tab.EvaluateAsync<string>("() => sessionStorage.getItem('sdkOptionObservations') ?? '{}'");
                    observed.Status = await tab.EvaluateAsync<string>("() => document.querySelector('.join-progress')?.innerText ?? ''");
                    break;
                }
                catch (PlaywrightException) when (read < 5)
                {
                    await Task.Delay(1_000);
                }
            }
        }, page == SdkPage.ClientMobile ? MobileBrowser.Pixel7() : null, runName);

        // The page is closed: whatever it reported is recorded by now, an attempt cut short stays without an outcome.
        await Task.Delay(1_000);
        var attempts = await portal.WaitForAttemptsAsync(SandboxJoinPortal.DevelopmentUserId(name), all => all.Count >= 1);
        var observation = SdkOptionObservation.From(runName, portal.LeftOut, page, zoom!.Calls, attempts, observed, retryPressed, screenshots);
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, runName + ".txt"), observation.Describe());
        return observation;
    }

    /// <summary>
    /// The page as the user sees it; on the Client View page also Zoom's UI under the portal's containment. A page that
    /// navigates meanwhile (Zoom's Retry reloads it, the portal's retry replaces it) leaves that screenshot out.
    /// </summary>
    private static async Task<IReadOnlyList<string>> CaptureAsync(IPage tab, string runName, string suffix)
    {
        try
        {
            return await CaptureNowAsync(tab, runName, suffix);
        }
        catch (PlaywrightException)
        {
            return [];
        }
    }

    private static async Task<IReadOnlyList<string>> CaptureNowAsync(IPage tab, string runName, string suffix)
    {
        var files = new List<string> { await BrowserFixture.CaptureAsync(tab, $"sdk-option-{runName}{suffix}") };
        if (await tab.EvaluateAsync<bool>("() => document.documentElement.classList.contains('zoomportal-zoom-contained')"))
        {
            await tab.EvaluateAsync("() => { window.__sdkOptionPeek = true; document.documentElement.classList.remove('zoomportal-zoom-contained'); }");
            files.Add(await BrowserFixture.CaptureAsync(tab, $"sdk-option-{runName}{suffix}-zoom-ui"));
            await tab.EvaluateAsync("() => { document.documentElement.classList.add('zoomportal-zoom-contained'); window.__sdkOptionPeek = false; }");
        }

        return [.. files.Select(Path.GetFileName).OfType<string>()];
    }

    internal sealed class Observed
    {
        public string Json { get; set; } = "{}";

        public string Status { get; set; } = string.Empty;

        public int? CallsBeforeRetry { get; set; }
    }
}

/// <summary>What one run showed; <see cref="Describe"/> is the line the README's table was written from.</summary>
internal sealed record SdkOptionObservation(
    string Run,
    IReadOnlyList<string> LeftOut,
    SdkPage Page,
    IReadOnlyList<WcInfoCall> WcInfo,
    IReadOnlyList<JoinAttempt> Attempts,
    IReadOnlyList<string> ZoomDialogs,
    IReadOnlyList<string> Preview,
    IReadOnlyList<string> StatusCoveredBy,
    IReadOnlyList<string> StatusAriaHiddenBy,
    int PageLoads,
    bool ZoomRetryPressed,
    int? WcInfoCallsBeforeRetry,
    string FinalStatus,
    IReadOnlyList<string> Screenshots)
{
    public IEnumerable<string> VisibleZoomDialogs => ZoomDialogs.Where(d => d.Contains(" visible: ", StringComparison.Ordinal));

    /// <summary>Zoom's preview was in the page (the portal's containment may have kept it from sight).</summary>
    public bool PreviewInPage => Preview.Count > 0;

    public static SdkOptionObservation From(
        string run, IReadOnlyList<string> leftOut, SdkPage page, IReadOnlyList<WcInfoCall> wcInfo, IReadOnlyList<JoinAttempt> attempts,
        SdkOptionRun.Observed observed, bool retryPressed, IReadOnlyList<string> screenshots)
    {
        using var json = JsonDocument.Parse(observed.Json);
        IReadOnlyList<string> List(string name) =>
            json.RootElement.TryGetProperty(name, out var list) ? [.. list.EnumerateArray().Select(e => e.GetString() ?? string.Empty)] : [];
        var loads = json.RootElement.TryGetProperty("loads", out var l) ? l.GetInt32() : 0;
        return new(run, leftOut, page, wcInfo, attempts, List("dialogs"), List("preview"), List("covered"), List("ariaHidden"), loads,
            retryPressed, observed.CallsBeforeRetry, observed.Status.ReplaceLineEndings(" "), screenshots);
    }

    public string Describe() => string.Join(Environment.NewLine,
        $"run: {Run} ({Page}), left out: {(LeftOut.Count == 0 ? "nothing" : string.Join(", ", LeftOut))}",
        $"wc/info calls: {WcInfo.Count} ({string.Join(", ", WcInfo.Select(c => c.Verdict ?? "accepted"))}), distinct signatures: {WcInfo.Select(c => c.Signature).Distinct().Count()}",
        $"attempts recorded: {Attempts.Count}: {SandboxJoinPortal.Describe(Attempts)}",
        $"Zoom dialogs: {string.Join(" | ", ZoomDialogs)}",
        $"Zoom preview: {string.Join(" | ", Preview)}",
        $"status covered by: {string.Join(" | ", StatusCoveredBy)}",
        $"status inside aria-hidden: {string.Join(" | ", StatusAriaHiddenBy)}",
        $"page loads: {PageLoads}; Zoom's Retry pressed: {ZoomRetryPressed}; wc/info calls before it: {WcInfoCallsBeforeRetry?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}",
        $"final status: {FinalStatus}",
        $"screenshots: {string.Join(", ", Screenshots)}");
}
