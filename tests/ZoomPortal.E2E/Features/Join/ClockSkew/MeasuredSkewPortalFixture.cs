namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>Zoom's clock is 7 minutes behind the server's from the start, so the start-up measurement already knows it.</summary>
public sealed class MeasuredSkewPortalFixture : SandboxJoinPortalFixture
{
    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:ClockSkew"] = "-00:07:00",
        ["Join:RetryDelay"] = "00:00:03",
    };
}
