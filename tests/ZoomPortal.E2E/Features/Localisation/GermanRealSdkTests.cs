using System.Collections.Concurrent;
using System.Text.Json;
using Xunit.Abstractions;
using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Features.Join.Mobile;
using ZoomPortal.E2E.Features.Join.RealSdk;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Signing;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Localisation;

/// <summary>
/// The real Meeting SDK 6.2.0 for a browser that asks for German, offline but with Zoom's web service answered
/// (<see cref="ZoomWebService"/>, clocks in sync, so the SDK goes past wc/info and draws its own joining UI). The portal
/// hands the SDK <c>de-DE</c>; these tests look at what Zoom's own UI then says: texts of Zoom's German language file
/// (<c>lib/lang/de-DE.json</c> in the package) that differ from its English one, found in Zoom's nodes (the Client View's
/// <c>#zmmtg-root</c>, the Component View's root, Zoom's dialogs). Captured as <c>sdk-de-{view}-zoom-ui.png</c>.
/// </summary>
[Collection(RealSdkJoins.Name)]
public sealed class GermanRealSdkTests(BrowserFixture browser, RealSdkPortalFixture portal, ITestOutputHelper output)
{
    private static readonly BrowserNewContextOptions German = new() { Locale = "de-DE" };

    /// <summary>Zoom's texts (and accessible names) in its own nodes, whether or not the portal's containment hides them.</summary>
    private const string ZoomTexts = """
        () => {
            const roots = [...document.querySelectorAll('#zmmtg-root, #zoom-root, [role=dialog], [role=alertdialog]')];
            const texts = [];
            for (const root of roots) {
                texts.push(root.textContent ?? '');
                for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
                    texts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '', el.getAttribute('placeholder') ?? '');
                }
            }
            return texts.join('\n');
        }
        """;

    /// <remarks>
    /// What 6.2.0 does with it (observed here, and in the bundle): the file is fetched and its texts go into Zoom's
    /// i18next, so every text Zoom builds when it draws is German ("Es wird Ihnen der Bildschirm von … angezeigt",
    /// apac.wc_sharing_viewing). Most toolbar labels ("Join Audio", "Video", "More", "Leave") are module-level constants
    /// the bundle computes once when its script runs, before any <c>i18n.load</c> can have been called, so they stay
    /// English whatever the page does afterwards (waiting for the load before <c>init</c>, or <c>?lang=de-DE</c> in the page's
    /// URL, changed nothing in this test's runs). The same holds for Zoom's own sample, which loads the language the same way.
    /// </remarks>
    [Fact]
    public async Task The_client_view_loads_zooms_german_file_from_the_portal_and_zooms_own_ui_speaks_german()
    {
        var meeting = portal.LiveMeeting();
        var (found, languageFiles, zoomText) = await JoinAsync("Greta Clientansicht", ClientViewFlow.ClientPath(meeting.Id), meeting.Id, "client-view",
            ["Es wird Ihnen der Bildschirm von"]);

        // ZoomMtg.i18n.load('de-DE') fetches the file under the self-hosted SDK's lib folder (setZoomJSLib), answered 200.
        Assert.Contains("200 /zoom-sdk/6.2.0/lib/lang/de-DE.json", languageFiles);
        Assert.DoesNotContain(languageFiles, f => !f.StartsWith("200 ", StringComparison.Ordinal) || f.EndsWith("/en-US.json", StringComparison.Ordinal));
        var failure = $"Zoom's UI is not German. German of Zoom's found: {string.Join(" | ", found)}. Language files: {string.Join(", ", languageFiles)}\nZoom's UI said:\n{zoomText}";
        Assert.True(zoomText.Contains("Es wird Ihnen der Bildschirm von", StringComparison.Ordinal), failure);
        Assert.False(zoomText.Contains("You are viewing", StringComparison.Ordinal), failure);
    }

    [Fact]
    public async Task The_component_view_gets_de_DE_and_zooms_own_ui_speaks_german()
    {
        var meeting = portal.LiveMeeting();
        // The Component View has its languages built in (no file): init({ language: 'de-DE' }) alone makes its joining
        // screen say "Am Meeting teilnehmen..." (apac.wc_joining_meeting) instead of "Joining Meeting...".
        var (found, languageFiles, zoomText) = await JoinAsync("Gerd Komponente", $"/meetings/{meeting.Id}/join", meeting.Id, "component-view",
            ["Am Meeting teilnehmen..."]);

        Assert.True(zoomText.Contains("Am Meeting teilnehmen...", StringComparison.Ordinal) && !zoomText.Contains("Joining Meeting", StringComparison.Ordinal),
            $"Zoom's UI is not German. German of Zoom's found: {string.Join(" | ", found)}. Language files: {string.Join(", ", languageFiles)}\nZoom's UI said:\n{zoomText}");
    }

    /// <summary>Joins, then watches Zoom's nodes until they show every one of <paramref name="expected"/> (at most 45 s).</summary>
    private async Task<(IReadOnlyList<string> Found, IReadOnlyList<string> LanguageFiles, string ZoomText)> JoinAsync(
        string name, string path, long meetingId, string view, string[] expected)
    {
        await portal.WaitForCatalogAsync(meetingId);
        await portal.WaitForClockAsync();
        var german = GermanOnlyTexts();
        var languageFiles = new ConcurrentQueue<string>();
        IReadOnlyList<string> found = [];
        var zoomText = string.Empty;
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await ZoomWebService.AnswerAsync(page, SandboxSdkCredentials.ClientSecret, TimeSpan.Zero);
            page.Context.Response += (_, response) =>
            {
                if (response.Url.Contains("/lang/", StringComparison.Ordinal))
                {
                    languageFiles.Enqueue($"{response.Status} {new Uri(response.Url).AbsolutePath}");
                }
            };
            await DevelopmentSignInFlow.SignInAsync(page, name, "Attendee", returnUrl: path);
            await page.WaitUntilInteractiveAsync();
            var join = page.GetByRole(AriaRole.Button, new() { Name = "Am Meeting teilnehmen", Exact = true });
            await Expect(join).ToBeEnabledAsync();
            await join.ClickAsync();

            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!expected.All(e => zoomText.Contains(e, StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(45))
            {
                await Task.Delay(500);
                try
                {
                    zoomText = await page.EvaluateAsync<string>(ZoomTexts);
                }
                catch (PlaywrightException)
                {
                    continue; // a retry's reload
                }

                found = [.. german.Where(t => zoomText.Contains(t, StringComparison.Ordinal))];
            }

            output.WriteLine($"{view}: German of Zoom's found: {string.Join(" | ", found)}");
            output.WriteLine($"{view}: language files: {string.Join(", ", languageFiles)}");
            output.WriteLine($"{view}: Zoom's UI said: {zoomText.ReplaceLineEndings(" ")}");
            output.WriteLine("screenshots: " + string.Join(", ", await CaptureZoomUiAsync(page, view)));
        }, German);
        return (found, [.. languageFiles], zoomText);
    }

    /// <summary>The page as the user sees it, and Zoom's UI with the portal's containment lifted for a moment.</summary>
    private static async Task<IReadOnlyList<string>> CaptureZoomUiAsync(IPage page, string view)
    {
        var files = new List<string> { await BrowserFixture.CaptureAsync(page, $"sdk-de-{view}") };
        await page.EvaluateAsync("() => document.documentElement.classList.remove('zoomportal-zoom-contained')");
        files.Add(await BrowserFixture.CaptureAsync(page, $"sdk-de-{view}-zoom-ui"));
        return [.. files.Select(Path.GetFileName).OfType<string>()];
    }

    /// <summary>Texts of Zoom's German language file that its English file says differently (long enough not to match by chance).</summary>
    private static HashSet<string> GermanOnlyTexts()
    {
        var lang = Path.Combine(RepositoryRoot(), "node_modules", "@zoom", "meetingsdk", "dist", "lib", "lang");
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(lang, "en-US.json")))!;
        var german = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(lang, "de-DE.json")))!;
        return [.. german
            .Where(e => e.Value.Length >= 8 && !e.Value.Contains('{', StringComparison.Ordinal) && english.GetValueOrDefault(e.Key) is { } en && en != e.Value)
            .Select(e => e.Value.Trim())
            // The portal's own German button says this too: only Zoom's nodes are searched, but keep it unambiguous.
            .Where(t => t != "Am Meeting teilnehmen")];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ZoomPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ZoomPortal.sln above {AppContext.BaseDirectory}.");
    }
}
