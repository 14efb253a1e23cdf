using Xunit.Abstractions;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>The Client View without <c>disablePreview: true</c> (isShowJoiningErrorDialog still false).</summary>
public sealed class SdkOptionNoDisablePreviewTests(BrowserFixture browser, NoDisablePreviewOptionPortalFixture portal, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<NoDisablePreviewOptionPortalFixture>
{
    /// <summary>6.2.0 turns disablePreview on by itself whenever isShowJoiningErrorDialog is false.</summary>
    [Fact]
    public async Task Client_View_desktop_without_disablePreview_shows_no_preview_while_isShowJoiningErrorDialog_is_false()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Dana Nopreview", "passed-client-desktop-without-disablePreview", SdkPage.ClientDesktop);
        output.WriteLine(run.Describe());
        Assert.False(run.PreviewInPage, run.Describe());
        SdkOptionChecks.ZoomsRetryReloadedWithoutCallingOnRetryCallback(run);
    }

    [Fact]
    public async Task Client_View_mobile_without_disablePreview_shows_no_preview_while_isShowJoiningErrorDialog_is_false()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Mona Nopreview", "passed-client-mobile-without-disablePreview", SdkPage.ClientMobile);
        output.WriteLine(run.Describe());
        Assert.False(run.PreviewInPage, run.Describe());
    }
}
