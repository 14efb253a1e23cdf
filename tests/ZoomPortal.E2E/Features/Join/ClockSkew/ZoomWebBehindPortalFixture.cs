namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>Zoom's web servers 30 minutes behind the clock its API shows; default join settings but a short retry delay.</summary>
public sealed class ZoomWebBehindPortalFixture : SandboxJoinPortalFixture
{
    public static readonly TimeSpan JoinClockSkew = TimeSpan.FromMinutes(-30);

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Zoom:Sandbox:JoinClockSkew"] = "-00:30:00",
        ["Join:RetryDelay"] = "00:00:03",
    };
}
