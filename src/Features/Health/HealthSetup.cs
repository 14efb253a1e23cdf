using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Health;

internal static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddPortalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
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

internal sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
