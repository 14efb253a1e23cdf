namespace ZoomPortal.Zoom;

/// <summary>How Zoom's clock is measured. Bound from <c>Zoom:Clock</c>.</summary>
public sealed class ZoomClockOptions
{
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Joins that ask for a re-measurement within this long of the last one get that one: a flood of signature errors
    /// (or of a hostile page's requests) costs Zoom one measurement per interval, not one per request.
    /// </summary>
    public TimeSpan MinRemeasureInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Responses per measurement; their Date headers (1 s resolution) are combined.</summary>
    public int Samples { get; set; } = 5;

    /// <summary>Pause between samples, so that their Date headers fall at different fractions of a second.</summary>
    public TimeSpan SampleSpacing { get; set; } = TimeSpan.FromMilliseconds(230);
}
