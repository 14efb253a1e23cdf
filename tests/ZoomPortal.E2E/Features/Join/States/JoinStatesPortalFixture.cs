using ZoomPortal.E2E.Features.Join.ClockSkew;

namespace ZoomPortal.E2E.Features.Join.States;

/// <summary>
/// The sandbox portal for the join page's states. The catalog is filled once at start-up and then left alone, so a
/// test can move a meeting's start; retries and waits are long enough to see (and cancel) their countdowns.
/// </summary>
public sealed class JoinStatesPortalFixture : SandboxJoinPortalFixture
{
    public static readonly TimeSpan NetworkBackOff = TimeSpan.FromSeconds(20);

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings { get; } = new Dictionary<string, string?>
    {
        ["Meetings:RefreshInterval"] = "1.00:00:00",
        ["Join:NetworkBackOff"] = NetworkBackOff.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Join:JoinTimeout"] = "00:00:05",
        ["Join:WaitForHostInterval"] = "00:00:30",
    };
}
