using ZoomPortal.Data;

namespace ZoomPortal.Features.Health;

/// <summary>
/// Says at start-up, in words an operator can act on, that the database is not ready: every page would answer 500
/// ("no such table") until <c>migrate</c> has run. <c>/readyz</c> stays Unhealthy meanwhile.
/// </summary>
internal sealed partial class PendingMigrationsNotice(
    DatabaseReadiness readiness,
    IHostApplicationLifetime lifetime,
    ILogger<PendingMigrationsNotice> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start-up, so a slow database does not hold the server back.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);

        var state = await readiness.CheckAsync(stoppingToken);
        if (!state.Reachable)
        {
            LogUnreachable(logger);
        }
        else if (state.PendingMigrations > 0)
        {
            LogPending(logger, state.PendingMigrations, DataSetup.MigrateCommand);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "The database has {Count} pending migration(s): pages fail and /readyz answers Unhealthy until they are applied. " +
                  "Stop the portal and run `dotnet ZoomPortal.dll {Command}` once (container: `docker run --rm <same settings> zoomportal {Command}`), then start it again.")]
    private static partial void LogPending(ILogger logger, int count, string command);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "The database cannot be reached: check Database:Provider and ConnectionStrings:Portal (or Database:SqlitePath). /readyz answers Unhealthy until it can.")]
    private static partial void LogUnreachable(ILogger logger);
}
