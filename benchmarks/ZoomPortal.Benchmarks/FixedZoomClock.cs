using ZoomPortal.Zoom;

namespace ZoomPortal.Benchmarks;

internal sealed class FixedZoomClock(DateTimeOffset now) : IZoomClock
{
    public ZoomClockEstimate Current { get; } = new(TimeSpan.FromSeconds(1.5), TimeSpan.FromMilliseconds(120), now, 5);

    public DateTimeOffset ZoomNow() => now;

    public Task<ZoomClockEstimate> MeasureAsync(CancellationToken cancellationToken) => Task.FromResult(Current);
}
