using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Meetings;

/// <summary>Syncs the catalog at start and then every <see cref="MeetingsOptions.RefreshInterval"/>.</summary>
internal sealed partial class MeetingCatalogRefresher(
    MeetingCatalogSync sync,
    IOptions<MeetingsOptions> options,
    TimeProvider time,
    ILogger<MeetingCatalogRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sync.IsZoomConnected)
        {
            LogNoZoomApi(logger);
            return;
        }

        if (!options.Value.BackgroundRefresh)
        {
            LogBackgroundRefreshOff(logger);
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await sync.SyncAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run (Zoom down, database busy) must not stop later ones.
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meetings:BackgroundRefresh is off: the meeting catalog is refreshed only on demand")]
    private static partial void LogBackgroundRefreshOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Zoom API client is registered: the meeting catalog is not refreshed and pages show what the database holds")]
    private static partial void LogNoZoomApi(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the meeting catalog from Zoom failed; the next attempt follows at the usual interval")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
