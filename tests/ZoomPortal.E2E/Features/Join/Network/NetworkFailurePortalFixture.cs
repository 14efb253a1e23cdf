using ZoomPortal.E2E.Features.Join.ClockSkew;

namespace ZoomPortal.E2E.Features.Join.Network;

/// <summary>
/// Zoom's web service accepts every join but its meeting servers cannot be reached (Zoom:Sandbox:ConnectionErrors), as
/// behind a firewall or proxy that blocks them. Short back-off and join timeout so the bounded retries end quickly.
/// </summary>
public sealed class NetworkFailurePortalFixture : SandboxJoinPortalFixture
{
    public const int MaxAttempts = 2;

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:ConnectionErrors"] = "1000",
        ["Join:NetworkBackOff"] = "00:00:02",
        ["Join:JoinTimeout"] = "00:00:03",
        ["Join:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
