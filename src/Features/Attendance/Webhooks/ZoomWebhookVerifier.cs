using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>
/// Zoom's webhook check (zoom-sdk.md §7.2): <c>x-zm-signature</c> is <c>v0=</c> + hex HMAC-SHA256 of
/// <c>v0:{x-zm-request-timestamp}:{body}</c> keyed with the secret token. Computed over the raw request bytes (Zoom's
/// samples re-serialise the JSON, which changes the bytes) and compared in constant time.
/// </summary>
internal static class ZoomWebhookVerifier
{
    private const string Prefix = "v0=";

    public static WebhookCheck Check(ReadOnlySpan<byte> body, string? timestamp, string? signature, ReadOnlySpan<byte> secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || timestamp.Length > 20 ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return WebhookCheck.MissingTimestamp;
        }

        // Zoom documents no unit; its samples show seconds. Milliseconds are accepted too rather than refused as "stale".
        var sent = value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        if ((now - sent).Duration() > tolerance)
        {
            return WebhookCheck.StaleTimestamp;
        }

        if (string.IsNullOrEmpty(signature) || !signature.StartsWith(Prefix, StringComparison.Ordinal) || signature.Length != Prefix.Length + 64)
        {
            return WebhookCheck.MissingSignature;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(signature.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return WebhookCheck.BadSignature;
        }

        Span<byte> expected = stackalloc byte[32];
        Sign(body, timestamp, secret, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? WebhookCheck.Valid : WebhookCheck.BadSignature;
    }

    /// <summary>The HMAC of <c>v0:{timestamp}:{body}</c>; the sandbox's sender signs with it too.</summary>
    public static void Sign(ReadOnlySpan<byte> body, string timestamp, ReadOnlySpan<byte> secret, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.ASCII.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    public static string SignatureHeader(ReadOnlySpan<byte> body, string timestamp, ReadOnlySpan<byte> secret)
    {
        Span<byte> mac = stackalloc byte[32];
        Sign(body, timestamp, secret, mac);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary><c>endpoint.url_validation</c>'s answer: hex HMAC-SHA256 of the plain token.</summary>
    public static string EncryptToken(string plainToken, ReadOnlySpan<byte> secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(plainToken)));
}

internal enum WebhookCheck
{
    Valid,
    MissingTimestamp,
    StaleTimestamp,
    MissingSignature,
    BadSignature,
}
