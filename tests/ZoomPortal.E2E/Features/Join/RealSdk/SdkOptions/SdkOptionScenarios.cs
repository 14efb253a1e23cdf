using ZoomPortal.E2E.Infrastructure;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>The two situations the options are about, run the same way with and without each option.</summary>
internal static class SdkOptionScenarios
{
    /// <summary>Zoom's web clock 7 min behind: the first signature comes back as "Invalid signature." (3712); Zoom's Retry pressed if it offers one.</summary>
    public static Task<SdkOptionObservation> RejectedSignatureAsync(BrowserFixture browser, SdkOptionPortalFixture portal, string name, string runName, SdkPage page) =>
        SdkOptionRun.RunAsync(browser, portal, name, runName, page, TimeSpan.FromMinutes(-7),
            settle: TimeSpan.FromSeconds(2.5), pressZoomRetry: true, retryWait: TimeSpan.FromSeconds(8));

    /// <summary>Zoom's web clock in sync: wc/info passes, Zoom's meeting servers are out of reach; Zoom's Retry pressed once it offers one.</summary>
    public static Task<SdkOptionObservation> PassedWcInfoAsync(BrowserFixture browser, SdkOptionPortalFixture portal, string name, string runName, SdkPage page) =>
        SdkOptionRun.RunAsync(browser, portal, name, runName, page, TimeSpan.Zero,
            settle: TimeSpan.FromSeconds(12), pressZoomRetry: true, retryWait: TimeSpan.FromSeconds(40));
}
