using System.Net;
using System.Text;
using System.Text.Json;

namespace ZoomPortal.Tests.Features.Attendance;

public sealed class ZoomWebhookEndpointTests
{
    private const long MeetingId = 84512345671;

    [Fact]
    public async Task A_correctly_signed_participant_joined_is_accepted_queued_and_recorded()
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow);

        using var response = await WebhookClient.PostAsync(portal.Client, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await portal.WaitForEventsAsync(1);
        Assert.Equal("user-ann", stored[0].CustomerKey);
        Assert.Equal("ANN@EXAMPLE.COM", stored[0].Email);
        Assert.Equal(ZoomPortal.Features.Attendance.Records.AttendanceSource.Webhook, stored[0].Source);
    }

    [Fact]
    public async Task A_tampered_body_is_refused_with_401_and_nothing_is_stored()
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow);

        using var response = await WebhookClient.PostAsync(portal.Client, body, tamper: b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("Ann Lee", "Eve Lee", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await portal.DeliveryCountAsync());
        Assert.Null(portal.App.Services.GetRequiredService<ZoomPortal.Features.Alerts.IWebhookActivity>().LastReceivedAt);
    }

    [Fact]
    public async Task A_signed_webhook_tells_the_silence_alert_that_webhooks_arrive()
    {
        await using var portal = AttendancePortal.Start();
        var activity = portal.App.Services.GetRequiredService<ZoomPortal.Features.Alerts.IWebhookActivity>();
        var before = DateTimeOffset.UtcNow;

        using var response = await WebhookClient.PostAsync(portal.Client, WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(activity.IsConfigured);
        Assert.True(activity.LastReceivedAt >= before.AddSeconds(-1), $"last received {activity.LastReceivedAt}");
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_401()
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow);

        using var response = await WebhookClient.PostAsync(portal.Client, body, secret: "not-the-sandbox-secret-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await portal.DeliveryCountAsync());
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    public async Task A_timestamp_outside_five_minutes_is_refused_with_401(int offsetSeconds)
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow);
        var stale = DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Correctly signed over the stale timestamp: only its age is wrong.
        using var response = await WebhookClient.PostAsync(portal.Client, body, timestamp: stale);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await portal.DeliveryCountAsync());
    }

    [Fact]
    public async Task A_missing_timestamp_is_refused_with_401()
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow);

        using var response = await WebhookClient.PostAsync(portal.Client, body, sendTimestamp: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await portal.DeliveryCountAsync());
    }

    [Fact]
    public async Task A_missing_signature_is_refused_with_401()
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow);

        using var response = await WebhookClient.PostAsync(portal.Client, body, sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await portal.DeliveryCountAsync());
    }

    [Fact]
    public async Task Url_validation_is_answered_with_the_hmac_of_the_plain_token()
    {
        await using var portal = AttendancePortal.Start();
        const string body = """{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}""";

        using var response = await WebhookClient.PostAsync(portal.Client, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var expected = HandRolledHmac.Hex(HandRolledHmac.Compute(Encoding.UTF8.GetBytes(WebhookClient.SandboxSecret), Encoding.UTF8.GetBytes("qgg8vlvZRS6UYooatFL8Aw")));
        Assert.Equal("qgg8vlvZRS6UYooatFL8Aw", answer.RootElement.GetProperty("plainToken").GetString());
        Assert.Equal(expected, answer.RootElement.GetProperty("encryptedToken").GetString());
        Assert.Equal(0, await portal.DeliveryCountAsync());
    }

    [Fact]
    public async Task The_same_event_delivered_three_times_is_processed_once()
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-1==", "Ann Lee", "user-ann", "ann@example.com", DateTime.UtcNow);

        for (var i = 0; i < 3; i++)
        {
            // Zoom's retries carry the same body with a new timestamp and signature.
            using var response = await WebhookClient.PostAsync(portal.Client, body, timestamp: (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await portal.WaitForEventsAsync(1);
        await Task.Delay(500);
        Assert.Equal(1, await portal.DeliveryCountAsync());
        Assert.Single(await portal.EventsAsync());
    }

    [Fact]
    public async Task A_topic_with_non_ascii_characters_verifies_over_the_raw_bytes()
    {
        await using var portal = AttendancePortal.Start();
        var body = WebhookClient.ParticipantJoined(MeetingId, "uuid-2==", "Zoë Müller", "user-zoe", "zoe@example.com", DateTime.UtcNow, topic: "Réunion d’équipe — 東京 🎉");

        using var response = await WebhookClient.PostAsync(portal.Client, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await portal.WaitForEventsAsync(1);
        Assert.Equal("Zoë Müller", stored[0].DisplayName);
    }
}
