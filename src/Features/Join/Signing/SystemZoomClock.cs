using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// Fallback when no Zoom client registered a measuring <see cref="IZoomClock"/>: this server's clock, offset unknown.
/// Registered with TryAdd, so a real implementation registered with Add (before or after) takes precedence.
/// </summary>
internal sealed class SystemZoomClock(TimeProvider time) : IZoomClock
{
    public ZoomClockEstimate Current => ZoomClockEstimate.Unknown;

    public DateTimeOffset ZoomNow() => time.GetUtcNow();

    public Task<ZoomClockEstimate> MeasureAsync(CancellationToken cancellationToken) => Task.FromResult(ZoomClockEstimate.Unknown);
}
