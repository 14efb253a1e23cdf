using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ZoomPortal.Data;

internal static partial class DataSetup
{
    /// <summary><c>dotnet ZoomPortal.dll migrate</c> applies pending migrations and exits.</summary>
    public const string MigrateCommand = "migrate";

    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((o, config) => o.PostgresConnectionString ??= config.GetConnectionString("Portal"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The provider decides the context type, so it is read once here; the options above validate it.
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextFactory<PostgresPortalDbContext>((sp, options) =>
                options.UseNpgsql(
                    sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.PostgresConnectionString,
                    // A restart or fail-over of the server breaks pooled connections: retry transient failures instead
                    // of failing a join or an attendance report (no code here opens its own transaction, which this forbids).
                    npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null)));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgresPortalDbContext>>();
        }
        else
        {
            builder.Services.AddDbContextFactory<SqlitePortalDbContext>((sp, options) =>
                options.UseSqlite(SqliteConnectionString(sp)));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        }

        builder.Services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        builder.Services.AddDataProtection()
            .SetApplicationName("ZoomPortal")
            .PersistKeysToDbContext<PortalDbContext>();
        return builder;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        LogMigrating(app.Logger, pending.Count, db.Database.ProviderName);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public static async Task MigrateDatabaseInDevelopmentAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateAtStartup ?? app.Environment.IsDevelopment())
        {
            await app.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
        }
    }

    private static string SqliteConnectionString(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var environment = sp.GetRequiredService<IHostEnvironment>();
        var path = Path.IsPathRooted(options.SqlitePath)
            ? options.SqlitePath
            : Path.Combine(environment.ContentRootPath, options.SqlitePath);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return $"Data Source={path};Pooling=True";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) with {Provider}")]
    private static partial void LogMigrating(ILogger logger, int count, string? provider);
}

/// <summary>Lets services ask for the provider-neutral context whichever provider is configured.</summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
