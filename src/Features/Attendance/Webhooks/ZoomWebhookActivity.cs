using Microsoft.Extensions.Options;
using ZoomPortal.Features.Alerts;

namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>When this instance last accepted a correctly signed Zoom webhook, for the webhook-silence alert.</summary>
internal sealed class ZoomWebhookActivity(IOptionsMonitor<ZoomWebhookOptions> options) : IWebhookActivity
{
    private long _lastTicks;

    public bool IsConfigured => options.CurrentValue is { Enabled: true, SecretToken.Length: > 0 };

    public DateTimeOffset? LastReceivedAt =>
        Interlocked.Read(ref _lastTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Received(DateTimeOffset at) => Interlocked.Exchange(ref _lastTicks, at.UtcTicks);
}
