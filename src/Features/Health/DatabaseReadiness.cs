using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Health;

/// <summary>Whether the database can serve the portal: reachable, and every migration this build ships applied.</summary>
internal sealed class DatabaseReadiness(IDbContextFactory<PortalDbContext> factory)
{
    public async Task<DatabaseState> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return DatabaseState.Unreachable;
            }

            // One SELECT on the migrations history table; a database without it has every migration pending.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? DatabaseState.Ready : DatabaseState.MigrationsPending(pending);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return DatabaseState.Unreachable;
        }
    }
}

/// <summary>The outcome of <see cref="DatabaseReadiness.CheckAsync"/>.</summary>
internal sealed record DatabaseState(bool Reachable, int PendingMigrations)
{
    public static DatabaseState Ready { get; } = new(true, 0);

    public static DatabaseState Unreachable { get; } = new(false, 0);

    public static DatabaseState MigrationsPending(int count) => new(true, count);

    public bool IsReady => Reachable && PendingMigrations == 0;
}
