using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.Security;

/// <summary>Join, start and join-security tests: one browser and one <see cref="JoinPortalFixture"/> portal.</summary>
[CollectionDefinition(Name)]
public sealed class JoinPortalTests : ICollectionFixture<BrowserFixture>, ICollectionFixture<JoinPortalFixture>
{
    public const string Name = "Join portal";
}
