using ZoomPortal.E2E.Features.Join.ClockSkew;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.Mobile;

/// <summary>
/// The mobile join (Client View on its own page) in Chromium emulating a phone: one browser and one portal for the
/// collection. The portal agrees with Zoom's clock at start-up and retries after 3 s; a test that moves the sandbox's
/// clock puts it back and has the portal measure again before it ends.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MobileJoinTests : ICollectionFixture<BrowserFixture>, ICollectionFixture<StaleClockPortalFixture>
{
    public const string Name = "Mobile join";
}
