namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>Zoom's clock agrees with the server's at start-up (the portal measures ~0); tests move it afterwards.</summary>
public sealed class StaleClockPortalFixture : SandboxJoinPortalFixture
{
    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:ClockSkew"] = "00:00:00",
        // Short, so the countdown is seen and the test stays quick; production waits 10 s (Zoom's join rate limit).
        ["Join:RetryDelay"] = "00:00:03",
    };
}
