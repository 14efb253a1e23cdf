using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Join.Signing;

public sealed class JoinSigningSetupTests
{
    [Fact]
    public async Task App_starts_in_Development_and_signs_with_sandbox_credentials_on_the_measured_zoom_clock()
    {
        await using var factory = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Zoom:Sandbox:ClockSkew"] = "-00:07:00" });
        using var client = factory.CreateHttpsClient();
        var clock = factory.Services.GetRequiredService<IZoomClock>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var estimate = await clock.MeasureAsync(cts.Token);

        var signature = factory.Services.GetRequiredService<MeetingSignatureSigner>().Sign(123456789, ZoomRole.Attendee);

        Assert.Equal(SandboxSdkCredentials.ClientId, SigningTestData.Payload(signature.Token).GetProperty("appKey").GetString());
        Assert.InRange(signature.ClockOffsetUsed, TimeSpan.FromMinutes(-7) - TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(-7) + TimeSpan.FromSeconds(2));
        // iat is on Zoom's clock (7 minutes behind this server), backdated by the margin.
        Assert.True(signature.IssuedAt <= DateTimeOffset.UtcNow.AddMinutes(-7).Add(estimate.Uncertainty).AddSeconds(-29));
    }
}
