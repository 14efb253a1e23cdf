using System.Security.Cryptography;
using System.Text;

namespace ZoomPortal.Tests.Features.Attendance;

/// <summary>
/// HMAC-SHA256 written out from RFC 2104 over plain SHA-256, so that the tests sign Zoom's way without sharing any
/// code (or .NET's HMAC class) with the endpoint they check.
/// </summary>
internal static class HandRolledHmac
{
    private const int BlockSize = 64;

    public static byte[] Compute(byte[] key, byte[] message)
    {
        if (key.Length > BlockSize)
        {
            key = SHA256.HashData(key);
        }

        var padded = new byte[BlockSize];
        key.CopyTo(padded, 0);
        var inner = new byte[BlockSize + message.Length];
        var outer = new byte[BlockSize + 32];
        for (var i = 0; i < BlockSize; i++)
        {
            inner[i] = (byte)(padded[i] ^ 0x36);
            outer[i] = (byte)(padded[i] ^ 0x5c);
        }

        message.CopyTo(inner, BlockSize);
        SHA256.HashData(inner).CopyTo(outer, BlockSize);
        return SHA256.HashData(outer);
    }

    public static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Zoom's header: <c>v0=</c> + hex HMAC of <c>v0:{timestamp}:{body}</c>.</summary>
    public static string ZoomSignature(string secret, string timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        return "v0=" + Hex(Compute(Encoding.UTF8.GetBytes(secret), [.. prefix, .. body]));
    }
}
