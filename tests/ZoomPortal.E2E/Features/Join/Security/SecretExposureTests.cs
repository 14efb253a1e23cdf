using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.E2E.Features.Join.Security;

/// <summary>
/// The SDK secret and the API client secret reach nothing a browser or an operator sees; the host's ZAK travels only
/// inside the join ticket the circuit hands to the host's own page, never in a URL, a log line, the database or a
/// response body.
/// </summary>
[Collection(JoinPortalTests.Name)]
public sealed partial class SecretExposureTests(BrowserFixture browser, JoinPortalFixture portal)
{
    private static readonly string[] Secrets = [SandboxSdkCredentials.ClientSecret, ZoomSandboxAccount.ClientSecret];

    // Served whatever page asks for them: the SDK loader, the stand-in's modules, the join page's module.
    private static readonly string[] Scripts =
    [
        "/zoom-sdk/loader.js",
        "/zoom-sandbox/sdk/zoomMtgEmbedded.js",
        "/zoom-sandbox/sdk/zoomMtg.js",
        "/zoom-sandbox/sdk/sandboxMeeting.js",
        "/src/Features/Join/JoinMeetingPage.razor.js",
    ];

    [Fact]
    public async Task Secrets_and_the_ZAK_stay_out_of_responses_urls_logs_and_the_database_during_a_start_and_a_join()
    {
        var meeting = portal.Meeting("Quarterly planning");
        var host = portal.Account.FindUser("alex.host@example.com")!;
        BrowserTraffic? hostTraffic = null;
        BrowserTraffic? attendeeTraffic = null;

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            hostTraffic = BrowserTraffic.Record(page);
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/start", "Alex Morgan", "Host", email: host.Email);
            await JoinFlow.StartAsync(page);
        });
        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            attendeeTraffic = BrowserTraffic.Record(page);
            await JoinFlow.OpenSignedInAsync(page, $"/meetings/{meeting.Id}/join", "Ada Attendee", "Attendee");
            await JoinFlow.JoinAsync(page);
        });

        var frames = hostTraffic!.Frames.Concat(attendeeTraffic!.Frames).ToList();
        var responses = (await hostTraffic.ResponsesAsync()).Concat(await attendeeTraffic.ResponsesAsync()).ToList();
        var urls = hostTraffic.RequestUrls.Concat(attendeeTraffic.RequestUrls).ToList();
        var scripts = await FetchScriptsAsync(responses);
        var database = ReadDatabaseFiles();
        Assert.Contains(frames, f => f.Text.Contains("GetSignatureAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(responses, r => r.Text is null && r.Status is < 300 or >= 400);

        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(frames, f => f.Text.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(responses, r => r.Text?.Contains(secret, StringComparison.Ordinal) == true);
            Assert.DoesNotContain(scripts, s => s.Text.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(urls, u => u.Contains(secret, StringComparison.Ordinal));
            Assert.Empty(portal.Logs.Containing(secret));
        }

        // The ZAK the sandbox issued for this start, found where it must be: the ticket the host's page received.
        var zaks = hostTraffic.Frames.SelectMany(f => Zak().Matches(f.Text)).Select(m => m.Value).Distinct().ToList();
        var zak = Assert.Single(zaks);
        Assert.Equal(host.Id, portal.Account.UserOfZak(zak));
        Assert.Equal(ZoomSandboxAccount.Started, portal.Account.StatusOf(meeting.Id));

        var carrying = frames.Where(f => f.Text.Contains(zak, StringComparison.Ordinal)).ToList();
        Assert.All(carrying, f =>
        {
            Assert.False(f.Sent, "The browser sent the ZAK back over the circuit.");
            Assert.Contains("JS.EndInvokeDotNet", f.Text, StringComparison.Ordinal);
            Assert.Contains($"\"zak\":\"{zak}\"", f.Text, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(attendeeTraffic.Frames, f => Zak().IsMatch(f.Text));
        Assert.DoesNotContain(responses, r => r.Text?.Contains(zak, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(scripts, s => s.Text.Contains(zak, StringComparison.Ordinal));
        Assert.DoesNotContain(urls, u => u.Contains(zak, StringComparison.Ordinal));
        Assert.Empty(portal.Logs.Containing(zak));
        Assert.DoesNotContain(zak, database, StringComparison.Ordinal);
        Assert.True(portal.Logs.Count > 0, "No log record was collected: the collection itself is broken.");
    }

    private async Task<List<(string Url, string Text)>> FetchScriptsAsync(IEnumerable<ResponseBody> seen)
    {
        using var client = portal.CreateHttpClient();
        var urls = Scripts.Concat(seen.Where(r => new Uri(r.Url).AbsolutePath.EndsWith(".js", StringComparison.Ordinal)).Select(r => new Uri(r.Url).PathAndQuery)).Distinct();
        var scripts = new List<(string, string)>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}.");
            scripts.Add((url, await response.Content.ReadAsStringAsync()));
        }

        return scripts;
    }

    /// <summary>The SQLite database with its journal files, as text (every string column is stored as UTF-8).</summary>
    private string ReadDatabaseFiles()
    {
        var path = portal.Server.Services.GetRequiredService<IConfiguration>()["Database:SqlitePath"]!;
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }

        Assert.True(text.Length > 0, $"No database files found beside {path}.");
        return text.ToString();
    }

    [GeneratedRegex(@"sbxzak\.[A-Za-z0-9_-]+")]
    private static partial Regex Zak();
}
