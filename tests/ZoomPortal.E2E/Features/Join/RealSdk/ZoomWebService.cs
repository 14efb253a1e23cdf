using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// Zoom's web service as the real SDK meets it (<c>POST https://zoom.us/api/v1/wc/info</c>, shared docs §2.5), answered in
/// the test by an independent implementation of Zoom's rules with its own clock: HS256 with the app's secret,
/// <c>iat ≤ now</c>, <c>exp &gt; now</c>, 1800 s ≤ <c>exp − iat</c> ≤ 48 h. A signature it rejects gets Zoom's answer (the
/// SDK turns it into 3712 or 3705); one it accepts gets a success-shaped answer (§2.5: <c>status:true</c> and a
/// <c>result</c> with the meeting id, its <c>*_json</c> fields as JSON, Zoom's own JWT in <c>sign</c> and one RWC
/// server), so the SDK goes past wc/info and tries Zoom's meeting servers. Those are out of reach: every other request
/// off the loopback host is aborted here, and the browser resolves no host but 127.0.0.1 (WebSockets included), so the
/// SDK fails as behind a firewall (Component View: <c>{errorCode 200, reason "connection error"}</c>).
/// </summary>
internal sealed class ZoomWebService
{
    private readonly byte[] _secret;
    private readonly TimeSpan _skew;
    private readonly ConcurrentQueue<WcInfoCall> _calls = new();

    private ZoomWebService(string secret, TimeSpan skew)
    {
        _secret = Encoding.UTF8.GetBytes(secret);
        _skew = skew;
    }

    /// <summary>Every wc/info call, in order, with the signature and the verdict.</summary>
    public IReadOnlyList<WcInfoCall> Calls => [.. _calls];

    /// <param name="skew">Zoom's web clock minus the real clock (the API clock the portal measures is the sandbox's).</param>
    public static async Task<ZoomWebService> AnswerAsync(IPage page, string secret, TimeSpan skew)
    {
        ArgumentNullException.ThrowIfNull(page);
        var service = new ZoomWebService(secret, skew);
        await page.Context.RouteAsync(url => IsOffHost(url) && !IsWcInfo(url), route => route.AbortAsync("connectionrefused"));
        await page.Context.RouteAsync(IsWcInfo, service.HandleAsync);
        return service;
    }

    private async Task HandleAsync(IRoute route)
    {
        var form = QueryHelpers.ParseQuery(route.Request.PostData ?? string.Empty);
        var signature = form.TryGetValue("signature", out var value) ? value.ToString() : string.Empty;
        var verdict = Check(signature, DateTimeOffset.UtcNow + _skew);
        _calls.Enqueue(new WcInfoCall(signature, verdict));
        var body = verdict is null
            ? JsonSerializer.Serialize(new { status = true, errorCode = 0, errorMessage = (string?)null, result = Accepted(form) })
            : JsonSerializer.Serialize(new { status = false, errorCode = 200, errorMessage = verdict, result = (object?)null });
        await route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = body,
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        });
    }

    /// <summary>
    /// What Zoom's web service answers for a join it accepts, as far as 6.2.0 reads it (both views parse the <c>*_json</c>
    /// fields and <c>encryptedRWC</c> with JSON.parse, the Client View without a fallback; a <c>result</c> without
    /// <c>mid</c> next to an <c>errorMessage</c> counts as a failure). The RWC server is where the SDK goes next.
    /// </summary>
    private static Dictionary<string, object?> Accepted(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var meetingNumber = form.TryGetValue("meetingNumber", out var number) ? number.ToString() : string.Empty;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return new()
        {
            ["mid"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            ["meetingNumber"] = meetingNumber,
            ["userName"] = form.TryGetValue("userName", out var name) ? name.ToString() : string.Empty,
            ["userEmail"] = string.Empty,
            ["passWord"] = string.Empty,
            ["meetingTopic"] = "Meeting " + meetingNumber,
            ["ts"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["auth"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["tid"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            ["track_auth"] = string.Empty,
            ["sign"] = ZoomsOwnToken(meetingNumber, now),
            ["support_call_out"] = "0",
            ["toll_numbers_json"] = "{}",
            ["can_recording"] = "0",
            ["call_out_country_json"] = "[]",
            ["invite_email"] = string.Empty,
            ["wcXMPPConfig"] = "{}",
            ["isWebinar"] = "0",
            ["isOriginHost"] = "false",
            ["isSupportQA"] = "false",
            ["meetingOptions"] = "{}",
            ["encryptedRWC"] = JsonSerializer.Serialize(new Dictionary<string, string> { ["sjc01rwg.zoom.us"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) }),
        };
    }

    /// <summary>Zoom's own JWT for the meeting servers (a test key; nothing checks it, as they are out of reach).</summary>
    private static string ZoomsOwnToken(string meetingNumber, long nowMs)
    {
        static string Part(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
        var unsigned = Part(new { alg = "HS256", typ = "JWT" }) + "." + Part(new { mn = meetingNumber, iat = nowMs / 1000, exp = nowMs / 1000 + 3600 });
        var mac = HMACSHA256.HashData("zoom-web-service-test"u8, Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64Url.EncodeToString(mac);
    }

    private static bool IsWcInfo(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.EndsWith("/wc/info", StringComparison.Ordinal);

    private static bool IsOffHost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host != "127.0.0.1";

    /// <summary>Null when Zoom would accept the signature at <paramref name="zoomNow"/>; otherwise Zoom's message.</summary>
    public string? Check(string token, DateTimeOffset zoomNow)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return "Invalid signature.";
        }

        var expected = HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "HS256" || !CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return "Invalid signature.";
        }

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var iat = payload.RootElement.GetProperty("iat").GetInt64();
        var exp = payload.RootElement.GetProperty("exp").GetInt64();
        var now = zoomNow.ToUnixTimeSeconds();
        if (exp - iat is < 1800 or > 172_800 || iat > now)
        {
            return "Invalid signature.";
        }

        return exp <= now ? "The signature has expired." : null;
    }
}

/// <param name="Verdict">Zoom's rejection message, or null when it accepted the signature.</param>
internal sealed record WcInfoCall(string Signature, string? Verdict);
