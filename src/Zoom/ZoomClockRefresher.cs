using Microsoft.Extensions.Options;

namespace ZoomPortal.Zoom;

/// <summary>Measures Zoom's clock at start-up and then every <c>Zoom:Clock:RefreshInterval</c>.</summary>
internal sealed class ZoomClockRefresher(
    IZoomClock clock,
    IOptions<ZoomOptions> options,
    TimeProvider time,
    ILogger<ZoomClockRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Clock.RefreshInterval, time);
        try
        {
            do
            {
                try
                {
                    await clock.MeasureAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed measurement keeps the previous estimate; it must not stop the host.
                    logger.ClockMeasurementFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
