using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ZoomPortal.E2E.Features.Join.RealSdk;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.E2E.Features.Join.Sdk;

/// <summary>The portal's SDK loader with the real Meeting SDK it serves, offline (the browser resolves nothing but loopback).</summary>
[Collection(RealSdkJoins.Name)]
public sealed class RealSdkLoaderTests(BrowserFixture browser, RealSdkPortalFixture portal, ITestOutputHelper output)
{
    private const long LiveMeeting = 84512345671;

    private ZoomSdkClientConfig Config => portal.Server.Services.GetRequiredService<ZoomSdkAssets>().ClientConfig;

    [Fact]
    public Task Real_component_view_loads_from_the_portal_inits_and_fails_to_reach_zoom_offline() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            Assert.False(Config.StandIn);
            var sdkRequests = new List<string>();
            page.Request += (_, request) => sdkRequests.Add(request.Url);
            await page.GotoAsync(SdkPage.AnyAppPage);
            var signature = portal.Server.Services.GetRequiredService<MeetingSignatureSigner>().Sign(LiveMeeting, ZoomRole.Attendee).Token;

            var result = await SdkPage.ComponentViewAsync(page, Config, new
            {
                signature,
                meetingNumber = LiveMeeting.ToString(System.Globalization.CultureInfo.InvariantCulture),
                password = "481516",
                userName = "E2E Tester",
            });

            output.WriteLine(result.ToString());
            Assert.False(result.GetProperty("joined").GetBoolean());
            var error = result.GetProperty("error");
            Assert.Equal("JOIN_MEETING_FAILED", error.GetProperty("type").GetString());
            Assert.Equal(-3000, error.GetProperty("errorCode").GetInt32());
            Assert.Equal("connection error", error.GetProperty("reason").GetString());
            Assert.InRange(result.GetProperty("joinMs").GetDouble(), 0, 10_000);
            Assert.Contains(sdkRequests, url => url.Contains("/zoom-sdk/6.2.0/zoom-meeting-embedded-ES5.min.js", StringComparison.Ordinal));
        });

    [Fact]
    public Task Real_client_view_loads_and_inits() =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await page.GotoAsync(SdkPage.AnyAppPage);

            var result = await page.EvaluateAsync<JsonElement>("""
                async config => {
                    const loader = await import('/zoom-sdk/loader.js');
                    const ZoomMtg = await loader.loadClientView(config);
                    ZoomMtg.preLoadWasm();
                    ZoomMtg.prepareWebSDK();
                    return await new Promise(resolve => {
                        setTimeout(() => resolve({ init: 'timeout' }), 20000);
                        ZoomMtg.init({
                            leaveUrl: location.origin + '/',
                            disableCORP: !window.crossOriginIsolated,
                            success: () => resolve({ init: 'success', version: ZoomMtg.getWebSDKVersion?.() }),
                            error: e => resolve({ init: 'error', error: e }),
                        });
                    });
                }
                """, SdkPage.Config(Config));

            output.WriteLine(result.ToString());
            Assert.Equal("success", result.GetProperty("init").GetString());
        });

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Measures_component_view_load_and_init_with_and_without_preload()
    {
        for (var run = 0; run < 3; run++)
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await page.GotoAsync(SdkPage.AnyAppPage);
                var cold = await SdkPage.ComponentViewAsync(page, Config, join: null);
                output.WriteLine($"cold: load {cold.GetProperty("loadMs").GetDouble():F0} ms, load+init {cold.GetProperty("initMs").GetDouble():F0} ms");
            });

            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await page.GotoAsync(SdkPage.AnyAppPage);
                // What the meeting page does: preload on arrival; the user clicks Join a few seconds later.
                await page.EvaluateAsync("async config => { const loader = await import('/zoom-sdk/loader.js'); loader.preload(config); await loader.loadComponentView(config); }", SdkPage.Config(Config));
                var warm = await SdkPage.ComponentViewAsync(page, Config, join: null);
                output.WriteLine($"after preload: load {warm.GetProperty("loadMs").GetDouble():F0} ms, load+init {warm.GetProperty("initMs").GetDouble():F0} ms");
                Assert.True(warm.GetProperty("loadMs").GetDouble() < 50, "after preload the loader must answer from its cache");
            });
        }
    }
}
