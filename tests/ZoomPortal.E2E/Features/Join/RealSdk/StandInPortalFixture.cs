using ZoomPortal.E2E.Features.Join.ClockSkew;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>Sandbox mode with the SDK stand-in and default join settings: the baseline for join latency.</summary>
public sealed class StandInPortalFixture : SandboxJoinPortalFixture
{
    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>();
}
