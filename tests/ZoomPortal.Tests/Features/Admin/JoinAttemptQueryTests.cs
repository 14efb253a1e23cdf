using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Tests.Features.Meetings;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class JoinAttemptQueryTests
{
    public static TheoryData<string> IndexedFilters => ["failed", "category", "meeting", "user", "range", "failed-range", "support", "all-after-cursor", "join-outcome"];

    [Fact]
    public async Task Keyset_paging_returns_every_row_exactly_once_while_rows_are_inserted()
    {
        var folder = Directory.CreateTempSubdirectory("zp-keyset-");
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={Path.Combine(folder.FullName, "p.db")};Pooling=False").Options;
        try
        {
            var factory = new FileFactory(options);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                db.JoinAttempts.AddRange(Enumerable.Range(0, 400).Select(i => AttemptData.Failed(3004, startedAt: AttemptData.Start.AddSeconds(i))));
                await db.SaveChangesAsync();
            }

            List<long> existing;
            await using (var db = factory.CreateDbContext())
            {
                existing = await db.JoinAttempts.Select(a => a.Id).ToListAsync();
            }

            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await using var db = factory.CreateDbContext();
                    db.JoinAttempts.Add(AttemptData.Failed(3004, startedAt: AttemptData.Start.AddDays(1)));
                    await db.SaveChangesAsync();
                }
            });

            var query = new JoinAttemptQuery(factory);
            var seen = new List<long>();
            long? before = null;
            do
            {
                var page = await query.GetPageAsync(new JoinAttemptFilter(), before, 37, CancellationToken.None);
                seen.AddRange(page.Rows.Select(r => r.Id));
                before = page.NextBefore;
                await Task.Delay(2);
            }
            while (before is not null);

            await stop.CancelAsync();
            await writer;

            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Empty(existing.Except(seen));
            Assert.Equal(seen.OrderByDescending(id => id), seen);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Filters_narrow_the_rows_and_failures_only_is_the_default()
    {
        await using var database = await TestDatabase.CreateAsync();
        var join = Guid.NewGuid();
        await SeedAsync(database,
            AttemptData.Failed(3712, join, zoomOffsetMs: -432_000, supportCode: "ZP-AAAAAA", joinOutcome: JoinAttemptOutcome.Succeeded),
            AttemptData.Succeeded(join, 2, AttemptData.Start.AddSeconds(5), supportCode: "ZP-AAAAAA"),
            AttemptData.Failed(3004, meetingId: 1, userId: "dev-bob", browser: "Firefox 133", supportCode: "ZP-BBBBBB", startedAt: AttemptData.Start.AddDays(-3)));
        var query = new JoinAttemptQuery(database);

        async Task<List<int?>> Codes(JoinAttemptFilter filter) =>
            [.. (await query.GetPageAsync(filter, null, 50, CancellationToken.None)).Rows.Select(r => r.ErrorCode)];

        Assert.Equal([3004, 3712], await Codes(new JoinAttemptFilter()));
        Assert.Equal([3004, null, 3712], await Codes(new JoinAttemptFilter { All = true }));
        Assert.Equal([3712], await Codes(new JoinAttemptFilter { Category = JoinErrorCategory.Signature }));
        Assert.Equal([3004], await Codes(new JoinAttemptFilter { Code = 3004 }));
        Assert.Equal([3004], await Codes(new JoinAttemptFilter { Meeting = 1 }));
        Assert.Equal([3004], await Codes(new JoinAttemptFilter { User = "dev-bob" }));
        Assert.Equal([3004], await Codes(new JoinAttemptFilter { Browser = "Firefox" }));
        Assert.Equal([3712], await Codes(new JoinAttemptFilter { JoinOutcome = JoinAttemptOutcome.Succeeded }));
        Assert.Equal([3004], await Codes(new JoinAttemptFilter { SupportCode = " zp-bbbbbb " }));
        Assert.Equal([3712], await Codes(new JoinAttemptFilter { From = AttemptData.Start.AddDays(-1) }));
        Assert.Equal([3004], await Codes(new JoinAttemptFilter { To = AttemptData.Start.AddDays(-1) }));
        Assert.Empty(await Codes(new JoinAttemptFilter { SdkView = "Client" }));
        Assert.Equal([3004, 3712], await Codes(new JoinAttemptFilter { SdkVersion = "6.2.0" }));

        var siblings = await query.GetJoinAsync(join, CancellationToken.None);
        Assert.Equal([1, 2], siblings.Select(s => s.AttemptNumber));
    }

    [Fact]
    public async Task Trends_count_failures_by_category_success_after_retries_and_top_meetings()
    {
        await using var database = await TestDatabase.CreateAsync();
        var join = Guid.NewGuid();
        await SeedAsync(database,
            AttemptData.Failed(3712, join, zoomOffsetMs: -432_000, joinOutcome: JoinAttemptOutcome.Succeeded),
            AttemptData.Succeeded(join, 2, AttemptData.Start.AddSeconds(5)),
            AttemptData.Failed(3004, meetingId: 1, startedAt: AttemptData.Start.AddHours(1)),
            AttemptData.Failed(3004, meetingId: 1, startedAt: AttemptData.Start.AddHours(1).AddMinutes(5), browser: "Firefox 133"));
        var query = new JoinAttemptQuery(database);

        var trends = await query.GetTrendsAsync(new JoinAttemptFilter { From = AttemptData.Start.AddHours(-1), To = AttemptData.Start.AddHours(3) },
            AttemptData.Start.AddHours(3), CancellationToken.None);

        Assert.True(trends.Hourly);
        Assert.Equal(
            [new FailureBucket(AttemptData.Start, JoinErrorCategory.Signature, 1), new FailureBucket(AttemptData.Start.AddHours(1), JoinErrorCategory.Passcode, 2)],
            trends.Failures);
        Assert.Equal(3, trends.Joins);
        Assert.Equal(1, trends.SucceededJoins);
        Assert.Equal(new FailureCount("1", 2), trends.TopMeetings[0]);
        Assert.Equal(new FailureCount("Chrome 131", 2), trends.TopBrowsers[0]);
    }

    [Theory]
    [MemberData(nameof(IndexedFilters))]
    public async Task Sqlite_serves_each_filter_from_an_index(string name)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        using var command = Filtered(db, name).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await command.Connection!.OpenAsync();

        var plan = await ReadPlanAsync(command, column: 3);

        // EF aliases the table ("SCAN j"): any SCAN step reads the whole table (or a whole index).
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING INDEX", StringComparison.Ordinal) || step.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal)
            || step.Contains("USING COVERING INDEX", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(IndexedFilters))]
    public async Task Postgres_serves_each_filter_from_an_index(string name)
    {
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(ZoomPortal.Tests.Infrastructure.TestPostgres.NewDatabase("zp_admin_plan")).Options;
        await using var db = new PostgresPortalDbContext(options);
        try
        {
            await db.Database.MigrateAsync();
            await db.Database.OpenConnectionAsync();
            // A small table makes a sequential scan cheapest; the question is whether an index can serve the filter.
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            using var command = Filtered(db, name).CreateDbCommand();
            command.CommandText = "EXPLAIN " + command.CommandText;

            var plan = string.Join('\n', await ReadPlanAsync(command, column: 0));

            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
            // With sequential scans off, a whole-index walk with a Filter would still say "Index Scan": the filter must be an Index Cond.
            Assert.Contains("Index Cond", plan, StringComparison.Ordinal);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            await db.Database.EnsureDeletedAsync();
        }
    }

    private static IQueryable<JoinAttempt> Filtered(PortalDbContext db, string name)
    {
        var filter = name switch
        {
            "failed" => new JoinAttemptFilter(),
            "category" => new JoinAttemptFilter { Category = JoinErrorCategory.Signature },
            "meeting" => new JoinAttemptFilter { All = true, Meeting = 81234567890 },
            "user" => new JoinAttemptFilter { All = true, User = "dev-ann" },
            "range" => new JoinAttemptFilter { All = true, From = AttemptData.Start, To = AttemptData.Start.AddDays(1) },
            "failed-range" => new JoinAttemptFilter { From = AttemptData.Start, To = AttemptData.Start.AddDays(1) },
            "support" => new JoinAttemptFilter { All = true, SupportCode = "ZP-7K3M9Q" },
            "join-outcome" => new JoinAttemptFilter { JoinOutcome = JoinAttemptOutcome.Failed, Browser = "Chrome" },
            _ => new JoinAttemptFilter { All = true },
        };
        return JoinAttemptQuery.Page(db.JoinAttempts, filter, name == "all-after-cursor" ? 1_000_000 : null, 51);
    }

    private static async Task<List<string>> ReadPlanAsync(DbCommand command, int column)
    {
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetValue(column).ToString()!);
        }

        return plan;
    }

    private static async Task SeedAsync(TestDatabase database, params JoinAttempt[] attempts)
    {
        await using var db = database.CreateDbContext();
        db.JoinAttempts.AddRange(attempts);
        await db.SaveChangesAsync();
    }

    private sealed class FileFactory(DbContextOptions<SqlitePortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(options);
    }
}
