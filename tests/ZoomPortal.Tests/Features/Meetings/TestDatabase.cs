using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;

namespace ZoomPortal.Tests.Features.Meetings;

/// <summary>The real PortalDbContext on an open in-memory SQLite connection, migrated like production.</summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqlitePortalDbContext> _options;

    private TestDatabase()
    {
        _options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(_connection).Options;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database._connection.OpenAsync();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(_options);

    /// <summary>
    /// How long asking for a context takes, as a networked database's round trip would: SQLite's async calls complete
    /// synchronously, which hides every "the first render came before the data" race that PostgreSQL shows.
    /// </summary>
    public TimeSpan Latency { get; set; }

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        return CreateDbContext();
    }

    public async Task SeedAsync(params ZoomPortal.Features.Meetings.Meeting[] meetings)
    {
        await using var db = CreateDbContext();
        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
