namespace ZoomPortal.Features.Alerts;

/// <summary>
/// When the portal last received a Zoom webhook. Until the webhook endpoint exists (issue 9), <see cref="NoWebhooks"/>
/// says none are configured and the silence rule stays quiet; the endpoint registers its own implementation.
/// </summary>
public interface IWebhookActivity
{
    bool IsConfigured { get; }

    DateTimeOffset? LastReceivedAt { get; }
}

internal sealed class NoWebhooks : IWebhookActivity
{
    public bool IsConfigured => false;

    public DateTimeOffset? LastReceivedAt => null;
}
