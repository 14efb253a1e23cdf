using Xunit.Abstractions;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>The Client View without both <c>isShowJoiningErrorDialog: false</c> and <c>disablePreview: true</c>: what Zoom's preview does.</summary>
public sealed class SdkOptionNoDialogNoPreviewTests(BrowserFixture browser, NoDialogNoPreviewOptionsPortalFixture portal, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<NoDialogNoPreviewOptionsPortalFixture>
{
    [Fact]
    public async Task Client_View_desktop_without_isShowJoiningErrorDialog_and_disablePreview_waits_on_Zooms_preview()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Dana Nodialogpreview", "passed-client-desktop-without-both", SdkPage.ClientDesktop);
        output.WriteLine(run.Describe());
        SdkOptionChecks.OneWcInfoCallPerAttempt(run);
        // Zoom's preview (its own Join button) stands between wc/info and the meeting: join's callbacks wait for it, the
        // attempt has no report from the SDK when the run ends, and no connection dialog comes (nothing tried the meeting servers).
        Assert.True(run.PreviewInPage && run.Attempts[^1].SdkView is null, run.Describe());
        Assert.False(run.ZoomRetryPressed, run.Describe());
    }

    [Fact]
    public async Task Client_View_mobile_without_isShowJoiningErrorDialog_and_disablePreview_waits_on_Zooms_preview()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Mona Nodialogpreview", "passed-client-mobile-without-both", SdkPage.ClientMobile);
        output.WriteLine(run.Describe());
        SdkOptionChecks.OneWcInfoCallPerAttempt(run);
        // Zoom's preview (its own Join button) stands between wc/info and the meeting: join's callbacks wait for it, the
        // attempt has no report from the SDK when the run ends, and no connection dialog comes (nothing tried the meeting servers).
        Assert.True(run.PreviewInPage && run.Attempts[^1].SdkView is null, run.Describe());
        Assert.False(run.ZoomRetryPressed, run.Describe());
    }
}
