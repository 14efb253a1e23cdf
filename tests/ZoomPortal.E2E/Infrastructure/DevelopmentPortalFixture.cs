namespace ZoomPortal.E2E.Infrastructure;

/// <summary>The portal in Development with no identity provider, so the development sign-in is on.</summary>
public sealed class DevelopmentPortalFixture : PortalFixture
{
    protected override string Environment => "Development";

    // An authority from someone's user-secrets would switch the development sign-in off.
    protected override Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = string.Empty,
        });
}
