using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ZoomPortal.Features.Attendance.Webhooks;

namespace ZoomPortal.Zoom.Sandbox;

/// <summary>
/// The sandbox's side of Zoom's webhooks: what happens in its meetings (a host starts one, someone joins) is posted,
/// signed with <see cref="SandboxWebhookSecret"/>, to the portal's own <c>POST /api/zoom/webhooks</c>, the endpoint
/// Zoom would call. Sent in the background, like Zoom's deliveries, on the server's clock.
/// </summary>
internal sealed partial class SandboxWebhookSender(
    IServer server,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<SandboxWebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "zoom-sandbox-webhooks";

    private readonly Channel<string> _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void MeetingStarted(ZoomSandboxMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var now = time.GetUtcNow();
        Enqueue("meeting.started", now, w =>
        {
            WriteMeeting(w, meeting);
            w.WriteString("start_time", Iso(now));
        });
    }

    public void ParticipantJoined(ZoomSandboxMeeting meeting, string userName, string? email, string? customerKey)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var now = time.GetUtcNow();
        Enqueue("meeting.participant_joined", now, w =>
        {
            WriteMeeting(w, meeting);
            w.WriteStartObject("participant");
            w.WriteString("user_name", userName);
            w.WriteString("email", email ?? string.Empty);
            if (!string.IsNullOrEmpty(customerKey))
            {
                w.WriteString("customer_key", customerKey);
                w.WriteString("participant_uuid", "sbx-" + customerKey);
            }

            w.WriteString("join_time", Iso(now));
            w.WriteEndObject();
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var secret = Encoding.UTF8.GetBytes(SandboxWebhookSecret.SecretToken);
        using var client = httpClients.CreateClient(HttpClientName);
        await foreach (var body in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (PortalAddress() is not { } address)
            {
                LogNoAddress(logger);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, ZoomWebhookEndpoint.Path)) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("x-zm-request-timestamp", timestamp);
            request.Headers.Add("x-zm-signature", ZoomWebhookVerifier.SignatureHeader(bytes, timestamp, secret));
            try
            {
                using var response = await client.SendAsync(request, stoppingToken);
                LogSent(logger, (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    private void Enqueue(string eventName, DateTimeOffset now, Action<Utf8JsonWriter> writeObject)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("event", eventName);
            w.WriteNumber("event_ts", now.ToUnixTimeMilliseconds());
            w.WriteStartObject("payload");
            w.WriteString("account_id", ZoomSandboxAccount.AccountId);
            w.WriteStartObject("object");
            writeObject(w);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        _queue.Writer.TryWrite(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteMeeting(Utf8JsonWriter w, ZoomSandboxMeeting meeting)
    {
        w.WriteString("id", meeting.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("uuid", meeting.Uuid);
        w.WriteString("host_id", meeting.HostId);
        w.WriteString("topic", meeting.Topic);
        w.WriteNumber("type", meeting.Type);
        w.WriteNumber("duration", meeting.DurationMinutes);
    }

    /// <summary>The portal's own listening address (loopback for a wildcard), or null when it has none (an in-memory test server).</summary>
    private Uri? PortalAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri;
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox webhook delivered: HTTP {Status}")]
    private static partial void LogSent(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox webhook could not be delivered: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox webhook not sent: the portal has no listening address (in-memory test server)")]
    private static partial void LogNoAddress(ILogger logger);
}
