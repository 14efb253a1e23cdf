using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ZoomPortal.Tests.Features.Attendance;

/// <summary>Posts webhooks the way Zoom does, signed by the tests' own HMAC.</summary>
internal static class WebhookClient
{
    public const string Path = "/api/zoom/webhooks";

    /// <summary>The sandbox's published secret (README), typed here rather than read from the portal's code.</summary>
    public const string SandboxSecret = "sandbox-webhook-secret-not-real";

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? timestamp = null, string secret = SandboxSecret,
        bool sign = true, bool sendTimestamp = true, Func<byte[], byte[]>? tamper = null)
    {
        timestamp ??= Now();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative));
        var sent = tamper?.Invoke(bytes) ?? bytes;
        request.Content = new ByteArrayContent(sent);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sendTimestamp)
        {
            request.Headers.Add("x-zm-request-timestamp", timestamp);
        }

        if (sign)
        {
            request.Headers.Add("x-zm-signature", HandRolledHmac.ZoomSignature(secret, timestamp, bytes));
        }

        return await client.SendAsync(request);
    }

    public static string ParticipantJoined(long meetingId, string uuid, string name, string? customerKey, string? email, DateTime at, string topic = "Weekly team sync") =>
        $$$"""
        {"event":"meeting.participant_joined","event_ts":{{{new DateTimeOffset(at).ToUnixTimeMilliseconds()}}},"payload":{"account_id":"acc","object":{"id":"{{{meetingId}}}","uuid":"{{{uuid}}}","host_id":"h1","topic":"{{{topic}}}","type":2,"duration":60,"participant":{"user_id":"16778242","user_name":"{{{name}}}","participant_uuid":"p-{{{name}}}","join_time":"{{{at:yyyy-MM-ddTHH:mm:ssZ}}}","email":"{{{email}}}"{{{Key(customerKey)}}} } } } }
        """;

    public static string ParticipantLeft(long meetingId, string uuid, string name, string? customerKey, string? email, DateTime at) =>
        $$$"""
        {"event":"meeting.participant_left","event_ts":{{{new DateTimeOffset(at).ToUnixTimeMilliseconds()}}},"payload":{"account_id":"acc","object":{"id":"{{{meetingId}}}","uuid":"{{{uuid}}}","host_id":"h1","topic":"t","type":2,"duration":60,"participant":{"user_id":"16778242","user_name":"{{{name}}}","participant_uuid":"p-{{{name}}}","leave_time":"{{{at:yyyy-MM-ddTHH:mm:ssZ}}}","email":"{{{email}}}"{{{Key(customerKey)}}} } } } }
        """;

    private static string Key(string? customerKey) => customerKey is null ? string.Empty : $",\"customer_key\":\"{customerKey}\"";
}
