using Microsoft.Extensions.Options;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Admin;

/// <summary>Whether the Zoom integration needs an administrator's attention, for the banner on every admin page.</summary>
internal sealed class ZoomIntegrationStatus(ZoomClock clock, ZoomApiHealth api, IOptionsMonitor<AdminOptions> options, TimeProvider time)
{
    public ZoomClock Clock => clock;

    /// <summary>
    /// Raised when the clock is measured or a call to Zoom succeeds or fails, from whichever thread did it. Components
    /// subscribe and re-render (<c>InvokeAsync(StateHasChanged)</c>) instead of keeping what they read at first render,
    /// which left the banner stale until the next scheduled measurement.
    /// </summary>
    public event Action? Changed
    {
        add
        {
            clock.Measured += value;
            api.Changed += value;
        }

        remove
        {
            clock.Measured -= value;
            api.Changed -= value;
        }
    }

    public ZoomApiHealthSnapshot Api => api.Snapshot;

    public IReadOnlyList<string> Warnings()
    {
        var settings = options.CurrentValue;
        var warnings = new List<string>(2);
        var estimate = clock.Current;
        if (estimate.IsKnown && estimate.Offset.Duration() > settings.ClockOffsetWarning)
        {
            var direction = estimate.Offset < TimeSpan.Zero ? "ahead of" : "behind";
            warnings.Add($"This server's clock is {DurationText.Format(estimate.Offset)} {direction} Zoom's (± {DurationText.Format(estimate.Uncertainty)}). " +
                "The portal corrects signatures for it, but fix the server's time synchronisation (NTP).");
        }

        var snapshot = api.Snapshot;
        var now = time.GetUtcNow();
        if (snapshot.LastFailureAt is { } failedAt && (snapshot.LastSuccessAt is null || failedAt > snapshot.LastSuccessAt))
        {
            warnings.Add($"The last call to Zoom's API failed ({DurationText.Format(now - failedAt)} ago): {snapshot.LastFailure}");
        }
        else if (snapshot.LastSuccessAt is { } okAt && now - okAt > settings.ApiFailureWarning)
        {
            warnings.Add($"No successful call to Zoom's API for {DurationText.Format(now - okAt)} (warning after {DurationText.Format(settings.ApiFailureWarning)}).");
        }

        return warnings;
    }
}
