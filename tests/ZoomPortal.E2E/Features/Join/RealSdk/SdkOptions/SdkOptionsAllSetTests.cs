using Xunit.Abstractions;
using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>
/// Every SDK option the join page sets, on the real SDK 6.2.0 (the "with" runs); the other SdkOption*Tests classes leave
/// one out (<c>Zoom:Sdk:LeaveOut</c>). Each run's observation is in TestResults/sdk-options/{run}.txt, its screenshots in
/// TestResults/screenshots/sdk-option-{run}*.png (those ending -zoom-ui show Zoom's UI under the portal's containment).
/// </summary>
public sealed class SdkOptionsAllSetTests(BrowserFixture browser, AllSdkOptionsPortalFixture portal, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<AllSdkOptionsPortalFixture>
{
    [Fact]
    public async Task Component_View_with_isShowJoiningErrorDialog_false_no_Zoom_dialog_covers_the_status_and_each_wc_info_is_an_attempt()
    {
        var run = await SdkOptionScenarios.RejectedSignatureAsync(browser, portal, "Cora Withdialog", "dialog-component-with", SdkPage.ComponentDesktop);
        output.WriteLine(run.Describe());
        SdkOptionChecks.FirstAttemptReported3712(run);
        SdkOptionChecks.StatusStayedOnTop(run);
        Assert.False(run.ZoomRetryPressed, run.Describe());
        SdkOptionChecks.OneWcInfoCallPerAttempt(run);
    }

    [Fact]
    public async Task Client_View_desktop_with_isShowJoiningErrorDialog_false_reports_3712_to_the_portal()
    {
        var run = await SdkOptionScenarios.RejectedSignatureAsync(browser, portal, "Cleo Withdialog", "dialog-client-desktop-with", SdkPage.ClientDesktop);
        output.WriteLine(run.Describe());
        SdkOptionChecks.FirstAttemptReported3712(run);
        SdkOptionChecks.StatusStayedOnTop(run);
        SdkOptionChecks.OneWcInfoCallPerAttempt(run);
    }

    [Fact]
    public async Task Client_View_mobile_with_isShowJoiningErrorDialog_false_reports_3712_to_the_portal()
    {
        var run = await SdkOptionScenarios.RejectedSignatureAsync(browser, portal, "Milo Withdialog", "dialog-client-mobile-with", SdkPage.ClientMobile);
        output.WriteLine(run.Describe());
        SdkOptionChecks.FirstAttemptReported3712(run);
        SdkOptionChecks.StatusStayedOnTop(run);
        SdkOptionChecks.OneWcInfoCallPerAttempt(run);
    }

    [Fact]
    public async Task Client_View_desktop_with_all_options_no_preview_and_Zooms_Retry_reloads_without_onRetryCallback()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Dana Withall", "passed-client-desktop-with", SdkPage.ClientDesktop);
        output.WriteLine(run.Describe());
        Assert.False(run.PreviewInPage, run.Describe());
        SdkOptionChecks.StatusStayedOnTop(run);
        SdkOptionChecks.ZoomsRetryReloadedWithoutCallingOnRetryCallback(run);
    }

    [Fact]
    public async Task Client_View_mobile_with_all_options_no_preview_and_Zooms_Retry_reloads_without_onRetryCallback()
    {
        var run = await SdkOptionScenarios.PassedWcInfoAsync(browser, portal, "Mona Withall", "passed-client-mobile-with", SdkPage.ClientMobile);
        output.WriteLine(run.Describe());
        Assert.False(run.PreviewInPage, run.Describe());
        SdkOptionChecks.StatusStayedOnTop(run);
        SdkOptionChecks.ZoomsRetryReloadedWithoutCallingOnRetryCallback(run);
    }
}
