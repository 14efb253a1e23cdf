namespace ZoomPortal.Zoom.Sandbox;

/// <summary>The secret token the sandbox signs its webhooks with; well known on purpose, it is not a real Zoom secret.</summary>
internal static class SandboxWebhookSecret
{
    public const string SecretToken = "sandbox-webhook-secret-not-real";
}
