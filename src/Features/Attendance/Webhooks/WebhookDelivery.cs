namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>
/// A verified webhook waiting to be processed (the durable queue). Zoom retries a delivery with the same body, so the
/// body's SHA-256 is unique: a retry finds its row and changes nothing.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the raw body.</summary>
    public string BodyHash { get; set; } = string.Empty;

    /// <summary>The <c>event</c> field, e.g. <c>meeting.participant_joined</c>.</summary>
    public string Event { get; set; } = string.Empty;

    /// <summary>The raw body as UTF-8 text (at most <see cref="ZoomWebhookEndpoint.MaxBodyBytes"/>).</summary>
    public string Body { get; set; } = string.Empty;

    public DateTime ReceivedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    /// <summary>An instance processing the row holds it until then, so that two instances do not both take it.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public int Attempts { get; set; }

    /// <summary>The last failure's exception type and message (never the body), for operators.</summary>
    public string? LastError { get; set; }
}
