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
/// SDK turns it into 3712 or 3705); one it accepts is "in" as far as Zoom's web service goes, and the request is then
/// aborted, as when Zoom's servers cannot be reached from here (the SDK's connection error).
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
        await page.Context.RouteAsync(url => new Uri(url).AbsolutePath.EndsWith("/wc/info", StringComparison.Ordinal), service.HandleAsync);
        return service;
    }

    private async Task HandleAsync(IRoute route)
    {
        var form = QueryHelpers.ParseQuery(route.Request.PostData ?? string.Empty);
        var signature = form.TryGetValue("signature", out var value) ? value.ToString() : string.Empty;
        var verdict = Check(signature, DateTimeOffset.UtcNow + _skew);
        _calls.Enqueue(new WcInfoCall(signature, verdict));
        if (verdict is null)
        {
            await route.AbortAsync("connectionrefused");
            return;
        }

        var body = JsonSerializer.Serialize(new { status = false, errorCode = 200, errorMessage = verdict, result = (object?)null });
        await route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "application/json",
            Body = body,
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        });
    }

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
