using Xunit.Abstractions;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>The Client View without <c>onRetryCallback</c>: Zoom's Retry behaves the same as with it (offline, 6.2.0).</summary>
public sealed class SdkOptionNoRetryCallbackTests(BrowserFixture browser, NoRetryCallbackOptionPortalFixture portal, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<NoRetryCallbackOptionPortalFixture>
{
    [Fact]
    public async Task Client_View_desktop_without_onRetryCallback_Zooms_Retry_reloads_the_page()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Dana Noretry", "passed-client-desktop-without-onRetryCallback", SdkPage.ClientDesktop);
        output.WriteLine(run.Describe());
        SdkOptionChecks.ZoomsRetryReloadedWithoutCallingOnRetryCallback(run);
    }

    [Fact]
    public async Task Client_View_mobile_without_onRetryCallback_Zooms_Retry_reloads_the_page()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Mona Noretry", "passed-client-mobile-without-onRetryCallback", SdkPage.ClientMobile);
        output.WriteLine(run.Describe());
        SdkOptionChecks.ZoomsRetryReloadedWithoutCallingOnRetryCallback(run);
    }
}
