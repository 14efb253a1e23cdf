using System.Globalization;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>
/// What a fault test's browsers did, for its failure message: console lines, failed requests, hub requests and the
/// attendance hub's WebSocket frames (JSON), each with its time and the instance that answered.
/// </summary>
internal sealed class BrowserLog
{
    private readonly List<string> _lines = [];

    public void Attach(IPage page, string who)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Console += (_, m) => Add(who, $"console {m.Type}: {m.Text}");
        page.RequestFailed += (_, r) => Add(who, $"request failed: {r.Method} {r.Url} {r.Failure}");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 || r.Url.Contains("/hubs/", StringComparison.Ordinal))
            {
                Add(who, $"{r.Status} {r.Request.Method} {r.Url} (instance {r.Headers.GetValueOrDefault(ScaleOutFixture.InstanceHeader.ToLowerInvariant(), "unmarked")})");
            }
        };
        page.Request += (_, r) =>
        {
            if (r.Url.EndsWith(".js", StringComparison.Ordinal) && !r.Url.Contains("/_content/", StringComparison.Ordinal))
            {
                Add(who, $"request {r.Method} {r.Url}");
            }
        };
        page.RequestFinished += (_, r) =>
        {
            if (r.Url.EndsWith(".js", StringComparison.Ordinal) && !r.Url.Contains("/_content/", StringComparison.Ordinal))
            {
                Add(who, $"finished {r.Method} {r.Url}");
            }
        };
        page.FrameNavigated += (_, f) =>
        {
            if (f.ParentFrame is null)
            {
                Add(who, $"navigated to {f.Url}");
            }
        };
        page.WebSocket += (_, socket) =>
        {
            Add(who, $"websocket opened {socket.Url}");
            socket.Close += (_, _) => Add(who, $"websocket closed {socket.Url}");
            socket.SocketError += (_, e) => Add(who, $"websocket error {socket.Url}: {e}");
            if (socket.Url.Contains("/hubs/", StringComparison.Ordinal))
            {
                socket.FrameSent += (_, f) => Add(who, $"hub sent {Short(f.Text)}");
                socket.FrameReceived += (_, f) => Add(who, $"hub received {Short(f.Text)}");
            }
        };
    }

    /// <summary>A screenshot (in the temp folder) and the visible text of <paramref name="page"/>, added to the log.</summary>
    public async Task CaptureAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            var shot = Path.Combine(Path.GetTempPath(), $"zoomportal-{name}.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true, Timeout = 5_000 });
            var text = await page.EvaluateAsync<string>("() => document.body?.innerText ?? ''");
            Add(name, $"at {page.Url}, screenshot {shot}, error UI {await page.Locator("#blazor-error-ui").IsVisibleAsync()}, " +
                $"reconnect dialog {await page.Locator("#components-reconnect-modal").IsVisibleAsync()}:\n{text}");
        }
        catch (PlaywrightException e)
        {
            Add(name, $"no capture: {e.Message}");
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines.TakeLast(150));
        }
    }

    private static string? Short(string? text) => text is { Length: > 300 } ? text[..300] + "…" : text;

    private void Add(string who, string line)
    {
        lock (_lines)
        {
            _lines.Add($"{DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {who} {line}");
        }
    }
}
