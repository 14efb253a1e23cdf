using ZoomPortal.E2E.Infrastructure.Oidc;

namespace ZoomPortal.E2E.Infrastructure;

/// <summary>
/// The portal in Production behind a <see cref="TestIdentityProvider"/> that returns groups only from its userinfo
/// endpoint (<c>Authentication:Oidc:RoleClaim=groups</c>), as many providers do.
/// </summary>
public sealed class UserInfoGroupsPortalFixture : PortalFixture
{
    public const string GroupsClaim = "groups";

    private TestIdentityProvider? _provider;

    public TestIdentityProvider Provider => _provider ?? throw new InvalidOperationException("The identity provider has not started.");

    protected override string Environment => "Production";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        var provider = Interlocked.Exchange(ref _provider, null);
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }

    protected override async Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync()
    {
        _provider = await TestIdentityProvider.StartAsync(userInfoOnlyRolesClaim: GroupsClaim);
        return new Dictionary<string, string?>(_provider.PortalSettings())
        {
            ["Authentication:Oidc:GetClaimsFromUserInfoEndpoint"] = "true",
            ["Authentication:Oidc:RoleClaim"] = GroupsClaim,
            ["Authentication:Roles:Host:0"] = OidcPortalFixture.HostsRole,
            ["Authentication:Roles:Admin:0"] = OidcPortalFixture.AdminsRole,
        };
    }

    protected override Task OnStartedAsync(Uri baseUrl)
    {
        Provider.AllowPortal(baseUrl);
        return Task.CompletedTask;
    }
}

/// <summary>Tests against the portal whose provider returns groups only from userinfo.</summary>
[CollectionDefinition(Name)]
public sealed class UserInfoGroupsPortalTests : ICollectionFixture<BrowserFixture>, ICollectionFixture<UserInfoGroupsPortalFixture>
{
    public const string Name = "Production portal with groups from userinfo";
}
