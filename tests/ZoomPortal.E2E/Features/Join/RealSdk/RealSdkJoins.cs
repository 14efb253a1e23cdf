using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk;

/// <summary>Tests with the real Meeting SDK in Chromium; they share one browser and one portal.</summary>
[CollectionDefinition(Name)]
public sealed class RealSdkJoins : ICollectionFixture<BrowserFixture>, ICollectionFixture<RealSdkPortalFixture>
{
    public const string Name = "Join with the real Meeting SDK";
}
