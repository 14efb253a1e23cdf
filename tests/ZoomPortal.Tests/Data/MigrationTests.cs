using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task All_migrations_apply_to_an_empty_sqlite_database_and_leave_no_pending_model_changes()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connection).Options;
        await using var db = new SqlitePortalDbContext(options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changes without a migration: add one for both providers.");
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task All_migrations_apply_to_a_real_postgres_server_and_leave_no_pending_model_changes()
    {
        var connectionString = TestPostgres.NewDatabase("zp_migrate");
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options;
        await using var db = new PostgresPortalDbContext(options);
        try
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model has changes without a migration: add one for both providers.");
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task The_app_runs_on_postgres_and_keeps_data_protection_keys_there()
    {
        var connectionString = TestPostgres.NewDatabase("zp_app");
        await using var app = new PortalAppFactory("Development", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = connectionString,
        });
        try
        {
            using var client = app.CreateHttpsClient();
            await DevelopmentSignIn.SignInAsync(client, "Pat Postgres", "Attendee");
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

            Assert.True(ready.IsSuccessStatusCode);
            var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            Assert.IsType<PostgresPortalDbContext>(db);
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        }
        finally
        {
            var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options;
            await using var cleanup = new PostgresPortalDbContext(options);
            Npgsql.NpgsqlConnection.ClearAllPools();
            await cleanup.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task Sign_ins_survive_a_restart_because_keys_live_in_the_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "zoomportal-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Database:SqlitePath"] = Path.Combine(folder, "shared.db") };
        string cookie;
        await using (var first = new PortalAppFactory("Development", settings))
        {
            using var client = first.CreateHttpsClient();
            using var response = await DevelopmentSignIn.PostFormAsync(client, "Ada", "Attendee");
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-ZoomPortal=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using var second = new PortalAppFactory("Development", settings);
        using var fresh = second.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/meetings");
        request.Headers.Add("Cookie", cookie);
        using var page = await fresh.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}
