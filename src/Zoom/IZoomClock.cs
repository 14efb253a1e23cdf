namespace ZoomPortal.Zoom;

/// <summary>
/// This server's estimate of Zoom's clock, measured from the <c>Date</c> header of Zoom's responses.
/// Zoom checks a signature's <c>iat</c>/<c>exp</c> against its own clock, so the signer asks this for "now".
/// </summary>
public interface IZoomClock
{
    /// <summary>The latest estimate, or <see cref="ZoomClockEstimate.Unknown"/> before the first measurement.</summary>
    ZoomClockEstimate Current { get; }

    /// <summary>Zoom's "now": the server's clock corrected by the measured offset.</summary>
    DateTimeOffset ZoomNow();

    /// <summary>Takes fresh samples from Zoom and updates <see cref="Current"/>.</summary>
    Task<ZoomClockEstimate> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A re-measurement asked for by a join (after a signature error): however many callers ask, at most one
    /// measurement runs at a time and at most one per <c>Zoom:Clock:MinRemeasureInterval</c>; the others share it.
    /// </summary>
    Task<ZoomClockEstimate> RemeasureAsync(CancellationToken cancellationToken) => MeasureAsync(cancellationToken);
}

/// <summary>Zoom's clock minus this server's clock, with how sure we are.</summary>
/// <param name="Offset">Positive when Zoom's clock is ahead of this server's.</param>
/// <param name="Uncertainty">Half-width of the interval the true offset lies in.</param>
/// <param name="MeasuredAt">Server time of the measurement; null when never measured.</param>
/// <param name="Samples">How many responses the estimate is based on.</param>
public sealed record ZoomClockEstimate(TimeSpan Offset, TimeSpan Uncertainty, DateTimeOffset? MeasuredAt, int Samples)
{
    public static readonly ZoomClockEstimate Unknown = new(TimeSpan.Zero, TimeSpan.Zero, null, 0);

    public bool IsKnown => MeasuredAt is not null;
}
