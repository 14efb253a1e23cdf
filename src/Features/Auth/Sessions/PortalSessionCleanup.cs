namespace ZoomPortal.Features.Auth.Sessions;

/// <summary>Hourly, deletes session records that ended or expired more than a day ago (they only say who was signed in).</summary>
internal sealed partial class PortalSessionCleanup(PortalSessionStore sessions, TimeProvider time, ILogger<PortalSessionCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan KeepEndedFor = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var deleted = await sessions.PurgeAsync(time.GetUtcNow().UtcDateTime - KeepEndedFor, stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or unreachable database must not end the cleanup for good.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} ended session record(s)")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting ended sessions failed; the next run follows in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
