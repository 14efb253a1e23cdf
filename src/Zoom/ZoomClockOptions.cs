namespace ZoomPortal.Zoom;

/// <summary>How Zoom's clock is measured. Bound from <c>Zoom:Clock</c>.</summary>
public sealed class ZoomClockOptions
{
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Responses per measurement; their Date headers (1 s resolution) are combined.</summary>
    public int Samples { get; set; } = 5;

    /// <summary>Pause between samples, so that their Date headers fall at different fractions of a second.</summary>
    public TimeSpan SampleSpacing { get; set; } = TimeSpan.FromMilliseconds(230);
}
