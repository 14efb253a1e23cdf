namespace ZoomPortal.E2E.Infrastructure;

/// <summary>Tests against the portal in Development (development sign-in); they share one browser and one portal.</summary>
[CollectionDefinition(Name)]
public sealed class DevelopmentPortalTests : ICollectionFixture<BrowserFixture>, ICollectionFixture<DevelopmentPortalFixture>
{
    public const string Name = "Development portal";
}
