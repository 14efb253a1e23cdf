using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom.Sandbox;

namespace ZoomPortal.Tests.Features.Meetings;

public sealed class LiveModeMeetingsPageTests
{
    [Fact]
    public async Task In_live_mode_the_meetings_page_fills_through_the_real_client_from_a_zoom_compatible_server()
    {
        // A Zoom-compatible server on loopback stands in for api.zoom.us; the portal runs in Live mode against it.
        await using var zoom = await ZoomSandboxServer.StartAsync(new ZoomSandboxOptions(), TimeProvider.System);
        await using var app = new PortalAppFactory(settings: ZoomTestSettings.LiveAgainst(zoom));
        using var client = app.CreateHttpsClient();
        await DevelopmentSignIn.SignInAsync(client, "Lena Live", "Attendee");
        await WaitForCatalogAsync(app);

        var page = await client.GetStringAsync(new Uri("/meetings", UriKind.Relative));

        Assert.Contains("Weekly team sync", page, StringComparison.Ordinal);
        Assert.Contains("Tokyo partner call", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not connected to Zoom", page, StringComparison.Ordinal);
        Assert.Contains(zoom.Requests, r => r.StartsWith("GET /v2/users", StringComparison.Ordinal));
        Assert.Contains(zoom.Requests, r => r.StartsWith("POST /oauth/token", StringComparison.Ordinal));
    }

    private static async Task WaitForCatalogAsync(PortalAppFactory app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        for (var i = 0; i < 150; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (await db.Meetings.CountAsync() >= 10)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The catalog never filled from the Zoom-compatible server.");
    }
}
