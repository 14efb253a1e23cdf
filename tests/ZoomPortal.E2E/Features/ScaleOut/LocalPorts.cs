using System.Net;
using System.Net.Sockets;

namespace ZoomPortal.E2E.Features.ScaleOut;

/// <summary>Free loopback ports from the range these tests own (57000–57199), so they never take another suite's fixed ports.</summary>
internal static class LocalPorts
{
    private const int First = 57000;
    private const int Count = 200;
    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var i = 0; i < Count; i++)
        {
            var port = First + (Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}–{First + Count - 1}.");
    }
}
