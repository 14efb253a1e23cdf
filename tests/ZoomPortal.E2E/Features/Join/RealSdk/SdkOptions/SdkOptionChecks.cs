namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>What the runs check, each failure message carrying the whole observation.</summary>
internal static class SdkOptionChecks
{
    private const int ZoomRetryThroughThePortal = -3000;

    /// <summary>Nothing of Zoom's covered the portal's status or hid it from screen readers, on any page of the run.</summary>
    public static void StatusStayedOnTop(SdkOptionObservation run) =>
        Assert.True(!run.VisibleZoomDialogs.Any() && run.StatusCoveredBy.Count == 0 && run.StatusAriaHiddenBy.Count == 0, run.Describe());

    /// <summary>
    /// Every wc/info call was an attempt the portal recorded, each with its own signature. The run may end while the
    /// portal's next attempt has its signature but its page has not reached wc/info yet (no SDK report: no SdkView).
    /// </summary>
    public static void OneWcInfoCallPerAttempt(SdkOptionObservation run)
    {
        var cutOff = run.Attempts.Count > 0 && run.Attempts[^1].SdkView is null ? 1 : 0;
        Assert.True(run.WcInfo.Count == run.Attempts.Count || run.WcInfo.Count == run.Attempts.Count - cutOff, run.Describe());
        Assert.True(run.WcInfo.Select(c => c.Signature).Distinct().Count() == run.WcInfo.Count, run.Describe());
    }

    /// <summary>The first attempt's 3712 reached the portal through the SDK's error callback.</summary>
    public static void FirstAttemptReported3712(SdkOptionObservation run) =>
        Assert.True(run.Attempts.Count > 0 && run.Attempts[0].ErrorCode == 3712, run.Describe());

    /// <summary>
    /// Zoom's "Joining Meeting Timeout or Browser restriction [Retry] [Leave]" (its connection dialog, past a passed wc/info)
    /// was there and its Retry pressed: the page reloaded (Zoom's own handler), onRetryCallback was not called (no attempt
    /// ended as -3000), and the reloaded page sent no wc/info (it waits for the user's Join).
    /// </summary>
    public static void ZoomsRetryReloadedWithoutCallingOnRetryCallback(SdkOptionObservation run)
    {
        Assert.True(run.ZoomRetryPressed && run.ZoomDialogs.Any(d => d.Contains("Joining Meeting Timeout or Browser restriction", StringComparison.Ordinal)), run.Describe());
        Assert.True(run.Attempts.All(a => a.ErrorCode != ZoomRetryThroughThePortal), run.Describe());
        Assert.True(run.WcInfoCallsBeforeRetry == run.WcInfo.Count, run.Describe());
        OneWcInfoCallPerAttempt(run);
    }
}
