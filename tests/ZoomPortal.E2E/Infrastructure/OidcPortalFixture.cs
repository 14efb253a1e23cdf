using ZoomPortal.E2E.Infrastructure.Oidc;

namespace ZoomPortal.E2E.Infrastructure;

/// <summary>
/// The portal in Production, signing people in through a <see cref="TestIdentityProvider"/> on loopback, with the
/// provider's <c>zoomportal-hosts</c> and <c>zoomportal-admins</c> roles mapped to the portal's Host and Admin.
/// </summary>
public sealed class OidcPortalFixture : PortalFixture
{
    public const string HostsRole = "zoomportal-hosts";
    public const string AdminsRole = "zoomportal-admins";

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
        _provider = await TestIdentityProvider.StartAsync();
        return new Dictionary<string, string?>(_provider.PortalSettings())
        {
            ["Authentication:Roles:Host:0"] = HostsRole,
            ["Authentication:Roles:Admin:0"] = AdminsRole,
        };
    }

    protected override Task OnStartedAsync(Uri baseUrl)
    {
        Provider.AllowPortal(baseUrl);
        return Task.CompletedTask;
    }
}
