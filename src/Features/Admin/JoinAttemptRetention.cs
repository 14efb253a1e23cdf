using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Admin;

/// <summary>
/// Deletes join attempts older than <see cref="AdminOptions.RetentionDays"/>, hourly, in small batches with a pause
/// between them so that the join flow's writes are never held up for long.
/// </summary>
internal sealed partial class JoinAttemptRetention(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<JoinAttemptRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public int BatchSize { get; init; } = 1000;

    public TimeSpan BatchPause { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Deletes what is due now; returns how many rows went.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = db.JoinAttempts.Where(a => a.StartedAt < cutoff).OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize);
            var deleted = await db.JoinAttempts.Where(a => batch.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                break;
            }

            await Task.Delay(BatchPause, time, cancellationToken);
        }

        if (total > 0)
        {
            LogDeleted(logger, total, options.Value.RetentionDays);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or unreachable database must not end retention for good.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} join attempt(s) older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deleting old join attempts failed; the next run follows in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
