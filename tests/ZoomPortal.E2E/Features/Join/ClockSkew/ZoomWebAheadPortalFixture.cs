namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>Zoom's web servers 3 hours ahead of the clock its API shows: a 2-hour signature has expired on arrival (3705).</summary>
public sealed class ZoomWebAheadPortalFixture : SandboxJoinPortalFixture
{
    public static readonly TimeSpan JoinClockSkew = TimeSpan.FromHours(3);

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:JoinClockSkew"] = "03:00:00",
        ["Join:RetryDelay"] = "00:00:03",
    };
}
