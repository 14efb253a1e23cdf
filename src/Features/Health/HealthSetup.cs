using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZoomPortal.Features.Health;

internal static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddPortalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        builder.Services.AddHostedService<PendingMigrationsNotice>();
        return builder;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        // Only the status word is written: no check names, exceptions or timings leave the process.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableHttpMetrics();
        return app;
    }
}

/// <summary>Ready only when the database answers and has no pending migrations; <c>/healthz</c> does not run it.</summary>
internal sealed class DatabaseHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = await readiness.CheckAsync(cancellationToken);
        return state switch
        {
            { IsReady: true } => HealthCheckResult.Healthy(),
            { Reachable: false } => HealthCheckResult.Unhealthy("The database cannot be reached."),
            _ => HealthCheckResult.Unhealthy($"{state.PendingMigrations} migration(s) pending: run `migrate`."),
        };
    }
}
