using Xunit.Abstractions;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>The page without <c>isShowJoiningErrorDialog: false</c> (Component View's <c>customize</c> and the Client View's own).</summary>
public sealed class SdkOptionNoJoiningErrorDialogTests(BrowserFixture browser, NoJoiningErrorDialogOptionPortalFixture portal, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<NoJoiningErrorDialogOptionPortalFixture>
{
    /// <summary>Why the page sets the option: without it Zoom's dialog covers the status, and its Retry re-sends a signature behind the portal's back.</summary>
    [Fact]
    public async Task Component_View_without_isShowJoiningErrorDialog_Zoom_dialog_covers_the_status_and_its_Retry_resends_a_signature()
    {
        var run = await SdkOptionScenarios.RejectedSignatureAsync(browser, portal, "Cora Nodialog", "dialog-component-without", SdkPage.ComponentDesktop);
        output.WriteLine(run.Describe());
        Assert.True(run.VisibleZoomDialogs.Any(d => d.Contains("Fail to join the meeting.", StringComparison.Ordinal)), run.Describe());
        Assert.True(run.StatusCoveredBy.Count > 0 || run.StatusAriaHiddenBy.Count > 0, run.Describe());
        Assert.True(run.ZoomRetryPressed && run.WcInfo.Count > run.Attempts.Count, run.Describe());
        Assert.True(run.WcInfo.Select(c => c.Signature).Distinct().Count() < run.WcInfo.Count, run.Describe());
    }

    [Fact]
    public async Task Client_View_desktop_without_isShowJoiningErrorDialog_still_reports_3712_to_the_portal()
    {
        var run = await SdkOptionScenarios.RejectedSignatureAsync(browser, portal, "Cleo Nodialog", "dialog-client-desktop-without", SdkPage.ClientDesktop);
        output.WriteLine(run.Describe());
        SdkOptionChecks.FirstAttemptReported3712(run);
    }

    [Fact]
    public async Task Client_View_mobile_without_isShowJoiningErrorDialog_still_reports_3712_to_the_portal()
    {
        var run = await SdkOptionScenarios.RejectedSignatureAsync(browser, portal, "Milo Nodialog", "dialog-client-mobile-without", SdkPage.ClientMobile);
        output.WriteLine(run.Describe());
        SdkOptionChecks.FirstAttemptReported3712(run);
    }
}
