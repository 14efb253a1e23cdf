namespace ZoomPortal.Zoom.Sandbox.Sdk;

/// <summary>What the stand-in SDK posts to the sandbox's web join endpoint. Hostile input: checked before use, never logged.</summary>
internal sealed class SandboxWebJoinRequest
{
    public string? Signature { get; init; }

    public string? MeetingNumber { get; init; }

    public string? Password { get; init; }

    public string? UserName { get; init; }

    public string? UserEmail { get; init; }

    public string? CustomerKey { get; init; }

    public string? Zak { get; init; }
}
