using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Join.Signing;

public sealed class JoinSigningSetupTests
{
    [Fact]
    public async Task App_starts_in_Development_and_signs_with_sandbox_credentials_on_the_fallback_clock()
    {
        await using var factory = new PortalAppFactory();
        using var client = factory.CreateHttpsClient();

        var signer = factory.Services.GetRequiredService<MeetingSignatureSigner>();
        var signature = signer.Sign(123456789, 0);

        Assert.False(factory.Services.GetRequiredService<IZoomClock>().Current.IsKnown);
        Assert.Equal(SandboxSdkCredentials.ClientId, SigningTestData.Payload(signature.Token).GetProperty("appKey").GetString());
        Assert.Equal(TimeSpan.Zero, signature.ClockOffsetUsed);
        Assert.True(signature.IssuedAt <= DateTimeOffset.UtcNow.AddSeconds(-29));
    }
}
