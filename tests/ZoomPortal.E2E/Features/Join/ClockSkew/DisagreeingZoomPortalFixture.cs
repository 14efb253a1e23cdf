namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>
/// Zoom's web servers run 30 minutes behind the clock its API's Date header shows (the forum's load-balancer case):
/// re-measuring cannot help, so every fresh signature is still "in the future" when the join is checked.
/// </summary>
public sealed class DisagreeingZoomPortalFixture : SandboxJoinPortalFixture
{
    public const int MaxAttempts = 3;

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:JoinClockSkew"] = "-00:30:00",
        ["Join:RetryDelay"] = "00:00:03",
        ["Join:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
