using ZoomPortal.E2E.Features.Join.ClockSkew;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>
/// Sandbox mode, but the browser gets the real Meeting SDK from npm (self-hosted under /zoom-sdk) instead of the
/// stand-in; with every host but 127.0.0.1 unresolvable it loads and inits, then cannot reach Zoom.
/// </summary>
public sealed class RealSdkPortalFixture : SandboxJoinPortalFixture
{
    public const int MaxAttempts = 3;

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sdk:UseStandIn"] = "false",
        // Small, so the bounded retries end well within a minute.
        ["Join:NetworkBackOff"] = "00:00:01",
        ["Join:RetryDelay"] = "00:00:01",
        // Past wc/info the real Client View calls no callback while it cannot reach Zoom's meeting servers.
        ["Join:JoinTimeout"] = "00:00:15",
        ["Join:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
