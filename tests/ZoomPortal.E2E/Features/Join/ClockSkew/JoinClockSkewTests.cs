using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.ClockSkew;

/// <summary>
/// The field report's clock-skew scenarios in Chromium: one browser for the collection, one portal per configuration
/// (each test class brings its own as a class fixture).
/// </summary>
[CollectionDefinition(Name)]
public sealed class JoinClockSkewTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Join with clock skew";
}
