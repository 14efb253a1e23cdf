namespace ZoomPortal.E2E.Infrastructure;

/// <summary>Tests against the portal in Production behind the test identity provider; one browser, one portal.</summary>
[CollectionDefinition(Name)]
public sealed class OidcPortalTests : ICollectionFixture<BrowserFixture>, ICollectionFixture<OidcPortalFixture>
{
    public const string Name = "Production portal with OIDC";
}
