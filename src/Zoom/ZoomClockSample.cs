namespace ZoomPortal.Zoom;

/// <summary>One response: when it was sent and received by this server's clock, and the Date Zoom wrote on it.</summary>
internal readonly record struct ZoomClockSample(DateTimeOffset Sent, DateTimeOffset Received, DateTimeOffset ZoomDate)
{
    private static readonly TimeSpan DateResolution = TimeSpan.FromSeconds(1);

    // Zoom stamped the Date at some server instant in [Sent, Received] and floored it to the second, so its clock
    // minus ours lies in [Date - Received, Date + 1 s - Sent].
    public TimeSpan Lower => ZoomDate - Received;

    public TimeSpan Upper => ZoomDate + DateResolution - Sent;

    /// <summary>Intersects the samples' intervals; when they do not meet (a clock jumped), falls back to their hull.</summary>
    public static (ZoomClockEstimate Estimate, bool Consistent) Combine(IReadOnlyCollection<ZoomClockSample> samples, DateTimeOffset measuredAt)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        var lower = samples.Max(s => s.Lower);
        var upper = samples.Min(s => s.Upper);
        var consistent = lower <= upper;
        if (!consistent)
        {
            lower = samples.Min(s => s.Lower);
            upper = samples.Max(s => s.Upper);
        }

        var halfWidth = (upper - lower) / 2;
        return (new ZoomClockEstimate(lower + halfWidth, halfWidth, measuredAt, samples.Count), consistent);
    }
}
