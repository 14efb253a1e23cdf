using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using ZoomPortal.Data;
using ZoomPortal.Features.Health;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_is_unhealthy_while_migrations_are_pending_and_healthy_after_migrate()
    {
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Database:MigrateAtStartup"] = "false",
        });
        using var client = app.CreateHttpsClient();

        using var before = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal("Unhealthy", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // What `dotnet ZoomPortal.dll migrate` does, against the same database.
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        using var after = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Healthy", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_up_log_says_to_run_migrate_when_migrations_are_pending()
    {
        var logs = new FakeLogCollector();
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Database:MigrateAtStartup"] = "false",
        }).WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        using var client = app.CreateClient();

        var notice = await WaitForAsync(logs, r => r.Category == typeof(PendingMigrationsNotice).FullName);

        Assert.Equal(LogLevel.Critical, notice.Level);
        Assert.Contains("pending migration", notice.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet ZoomPortal.dll migrate", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_log_is_quiet_when_the_database_is_up_to_date()
    {
        var logs = new FakeLogCollector();
        await using var app = new PortalAppFactory().WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new FakeLoggerProvider(logs))));
        using var client = app.CreateClient();

        // The readiness probe runs the same check; once it answers Healthy the notice has had its chance to log.
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Category == typeof(PendingMigrationsNotice).FullName);
    }

    private static async Task<FakeLogRecord> WaitForAsync(FakeLogCollector logs, Func<FakeLogRecord, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (logs.GetSnapshot().FirstOrDefault(match) is { } record)
            {
                return record;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected log record was not written within 10 s.");
    }
}
