using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.Sdk;

/// <summary>The portal in Development and Sandbox mode, but with the REAL Meeting SDK (Zoom:Sdk:UseStandIn=false).</summary>
public sealed class RealSdkPortalFixture : PortalFixture
{
    protected override string Environment => "Development";

    protected override Task<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = string.Empty,
            ["Zoom:Sdk:UseStandIn"] = "false",
        });
}

/// <summary>Tests of the real Meeting SDK served by the portal, offline (the browser resolves nothing but loopback).</summary>
[CollectionDefinition(Name)]
public sealed class RealSdkPortalTests : ICollectionFixture<BrowserFixture>, ICollectionFixture<RealSdkPortalFixture>
{
    public const string Name = "Portal with the real Meeting SDK";
}
