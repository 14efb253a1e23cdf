namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>
/// Zoom's web servers run an hour behind the clock its API's Date header shows (the forum's load-balancer case), and
/// the organisation capped signatures at 30 minutes (Join:MaxSignatureWindow): re-measuring cannot help and the
/// window cannot widen far enough, so every signature is still "in the future" when Zoom checks it.
/// </summary>
public sealed class DisagreeingZoomPortalFixture : SandboxJoinPortalFixture
{
    public const int MaxAttempts = 3;

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:JoinClockSkew"] = "-01:00:00",
        ["Join:MaxSignatureWindow"] = "00:30:00",
        ["Join:RetryDelay"] = "00:00:03",
        ["Join:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
