using Xunit.Abstractions;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>The Client View without both <c>isShowJoiningErrorDialog: false</c> and <c>disablePreview: true</c>: what Zoom's preview does.</summary>
public sealed class SdkOptionNoDialogNoPreviewTests(BrowserFixture browser, NoDialogNoPreviewOptionsPortalFixture portal, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<NoDialogNoPreviewOptionsPortalFixture>
{
    [Fact]
    public async Task Client_View_desktop_without_isShowJoiningErrorDialog_and_disablePreview_after_a_passed_wc_info()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Dana Nodialogpreview", "passed-client-desktop-without-both", SdkPage.ClientDesktop);
        output.WriteLine(run.Describe());
        SdkOptionChecks.OneWcInfoCallPerAttempt(run);
    }

    [Fact]
    public async Task Client_View_mobile_without_isShowJoiningErrorDialog_and_disablePreview_after_a_passed_wc_info()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Mona Nodialogpreview", "passed-client-mobile-without-both", SdkPage.ClientMobile);
        output.WriteLine(run.Describe());
        SdkOptionChecks.OneWcInfoCallPerAttempt(run);
    }
}
