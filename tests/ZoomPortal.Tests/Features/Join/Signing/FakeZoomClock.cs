using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Join.Signing;

/// <summary>A Zoom clock frozen at <c>serverNow + offset</c>, with a chosen uncertainty.</summary>
internal sealed class FakeZoomClock(DateTimeOffset serverNow, TimeSpan offset, TimeSpan uncertainty) : IZoomClock
{
    public ZoomClockEstimate Current { get; } = new(offset, uncertainty, serverNow, 5);

    public DateTimeOffset ZoomNow() => serverNow + offset;

    public Task<ZoomClockEstimate> MeasureAsync(CancellationToken cancellationToken) => Task.FromResult(Current);
}
