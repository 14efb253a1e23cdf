namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>
/// Zoom's signed webhooks at <c>POST /api/zoom/webhooks</c>. Bound from <c>Zoom:Webhooks</c>. In Sandbox mode they are
/// always on and signed with the sandbox's own token; in Live mode they are on only when <see cref="Enabled"/> is set.
/// </summary>
public sealed class ZoomWebhookOptions
{
    public const string SectionName = "Zoom:Webhooks";

    /// <summary>Receive webhooks at all (Live mode); without it the endpoint answers 404.</summary>
    public bool Enabled { get; set; }

    /// <summary>The app's "Secret Token" from the Zoom Marketplace (Feature → Event Subscriptions). Secret: never logged.</summary>
    public string? SecretToken { get; set; }

    /// <summary>How far <c>x-zm-request-timestamp</c> may be from this server's clock, either way.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many queued deliveries the processor takes per round.</summary>
    public int BatchSize { get; set; } = 50;
}
