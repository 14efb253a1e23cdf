using System.Collections.Concurrent;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// Records a browser context's requests and WebSockets by whether they stayed on the portal's loopback host, and
/// which requests elsewhere got an answer (none should: the browser resolves nothing but 127.0.0.1).
/// </summary>
internal sealed class SdkTraffic
{
    private readonly ConcurrentQueue<string> _offHostRequests = new();
    private readonly ConcurrentQueue<string> _offHostAnswered = new();
    private readonly ConcurrentQueue<string> _offHostFailed = new();
    private readonly ConcurrentQueue<string> _loopbackAnswered = new();

    private SdkTraffic()
    {
    }

    /// <summary>URLs of requests (and WebSockets) to other hosts, in order.</summary>
    public IReadOnlyList<string> OffHostRequests => [.. _offHostRequests];

    /// <summary>Off-host requests that got a response, or WebSockets that received a frame.</summary>
    public IReadOnlyList<string> OffHostAnswered => [.. _offHostAnswered];

    public IReadOnlyList<string> OffHostFailed => [.. _offHostFailed];

    /// <summary>"STATUS URL" of every answered request to the portal.</summary>
    public IReadOnlyList<string> LoopbackAnswered => [.. _loopbackAnswered];

    /// <summary>Starts recording; call before the page navigates.</summary>
    public static SdkTraffic Record(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var traffic = new SdkTraffic();
        var context = page.Context;
        context.Request += (_, request) =>
        {
            if (!IsLocal(request.Url))
            {
                traffic._offHostRequests.Enqueue(request.Url);
            }
        };
        context.Response += (_, response) =>
        {
            if (IsLocal(response.Url))
            {
                traffic._loopbackAnswered.Enqueue($"{response.Status} {response.Url}");
            }
            else
            {
                traffic._offHostAnswered.Enqueue($"{response.Status} {response.Url}");
            }
        };
        context.RequestFailed += (_, request) =>
        {
            if (!IsLocal(request.Url))
            {
                traffic._offHostFailed.Enqueue($"{request.Failure} {request.Url}");
            }
        };
        page.WebSocket += (_, socket) =>
        {
            if (IsLocal(socket.Url))
            {
                return;
            }

            traffic._offHostRequests.Enqueue(socket.Url);
            socket.FrameReceived += (_, _) => traffic._offHostAnswered.Enqueue("frame from " + socket.Url);
            socket.SocketError += (_, error) => traffic._offHostFailed.Enqueue($"{error} {socket.Url}");
        };
        return traffic;
    }

    /// <summary>Loopback, or no network at all (data:, blob:).</summary>
    private static bool IsLocal(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) ||
        uri.Scheme is not ("http" or "https" or "ws" or "wss") ||
        uri.Host == "127.0.0.1";
}
