using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ZoomPortal.Resources;
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

    public IReadOnlyList<string> Warnings(IStringLocalizer<SharedResource> l)
    {
        var settings = options.CurrentValue;
        var warnings = new List<string>(2);
        var estimate = clock.Current;
        if (estimate.IsKnown && estimate.Offset.Duration() > settings.ClockOffsetWarning)
        {
            var key = estimate.Offset < TimeSpan.Zero ? "AdminBanner.ClockAhead" : "AdminBanner.ClockBehind";
            warnings.Add(l[key, DurationText.Format(estimate.Offset), DurationText.Format(estimate.Uncertainty)]);
        }

        var snapshot = api.Snapshot;
        var now = time.GetUtcNow();
        if (snapshot.LastFailureAt is { } failedAt && (snapshot.LastSuccessAt is null || failedAt > snapshot.LastSuccessAt))
        {
            warnings.Add(l["AdminBanner.ApiFailed", DurationText.Format(now - failedAt), snapshot.LastFailure ?? string.Empty]);
        }
        else if (snapshot.LastSuccessAt is { } okAt && now - okAt > settings.ApiFailureWarning)
        {
            warnings.Add(l["AdminBanner.NoSuccess", DurationText.Format(now - okAt), DurationText.Format(settings.ApiFailureWarning)]);
        }

        return warnings;
    }
}
