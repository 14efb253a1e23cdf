using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>
/// The portal in Development (development sign-in, the in-process Zoom sandbox) with the join settings of one
/// scenario. Derive one fixture per configuration; the join tests reach into it through <see cref="SandboxJoinPortal"/>.
/// </summary>
public abstract class SandboxJoinPortalFixture : PortalFixture
{
    protected override string Environment => "Development";

    /// <summary>What this scenario sets beyond the defaults, e.g. <c>Join:RetryDelay</c> or <c>Zoom:Sandbox:ClockSkew</c>.</summary>
    protected abstract IReadOnlyDictionary<string, string?> ScenarioSettings { get; }

    protected override Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync()
    {
        // An authority from someone's user-secrets would switch the development sign-in off.
        var settings = new Dictionary<string, string?>(ScenarioSettings, StringComparer.OrdinalIgnoreCase)
        {
            ["Authentication:Oidc:Authority"] = string.Empty,
        };
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(settings);
    }
}
