using System.Collections.Concurrent;
using System.Text;

namespace ZoomPortal.E2E.Features.Join.Security;

/// <summary>
/// Everything a page exchanged with the portal: request URLs, response bodies and the Blazor circuit's WebSocket
/// frames in both directions (MessagePack frames are read as UTF-8: their strings are stored as plain bytes).
/// </summary>
public sealed class BrowserTraffic
{
    private readonly ConcurrentQueue<string> _urls = new();
    private readonly ConcurrentQueue<Task<ResponseBody>> _bodies = new();
    private readonly ConcurrentQueue<WebSocketFrame> _frames = new();

    private BrowserTraffic()
    {
    }

    public IReadOnlyList<string> RequestUrls => [.. _urls];

    public IReadOnlyList<WebSocketFrame> Frames => [.. _frames];

    public static BrowserTraffic Record(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var traffic = new BrowserTraffic();
        page.Request += (_, request) => traffic._urls.Enqueue(request.Url);
        page.Response += (_, response) => traffic._bodies.Enqueue(ReadAsync(response));
        page.WebSocket += (_, socket) =>
        {
            traffic._urls.Enqueue(socket.Url);
            socket.FrameSent += (_, frame) => traffic._frames.Enqueue(new WebSocketFrame(Sent: true, TextOf(frame)));
            socket.FrameReceived += (_, frame) => traffic._frames.Enqueue(new WebSocketFrame(Sent: false, TextOf(frame)));
        };
        return traffic;
    }

    /// <summary>Every response body; one that could not be read has a null text (only redirects are expected to).</summary>
    public async Task<IReadOnlyList<ResponseBody>> ResponsesAsync() => await Task.WhenAll(_bodies);

    private static string TextOf(IWebSocketFrame frame) =>
        frame.Text ?? (frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty);

    private static async Task<ResponseBody> ReadAsync(IResponse response)
    {
        try
        {
            return new ResponseBody(response.Url, response.Status, Encoding.UTF8.GetString(await response.BodyAsync()));
        }
        catch (PlaywrightException)
        {
            return new ResponseBody(response.Url, response.Status, null);
        }
    }
}

public sealed record ResponseBody(string Url, int Status, string? Text);

public sealed record WebSocketFrame(bool Sent, string Text);
