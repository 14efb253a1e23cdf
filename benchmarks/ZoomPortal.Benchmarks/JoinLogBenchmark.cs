using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using Npgsql;
using NpgsqlTypes;
using ZoomPortal.Data;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Benchmarks;

/// <summary>
/// The join-error log over a million attempts: keyset pages (first, middle, last) and typical filters, on SQLite and
/// PostgreSQL, plus rendering a page of the grid. A console mode (seeding a million rows does not suit BenchmarkDotNet's loop):
/// <c>dotnet run -c Release --project benchmarks/ZoomPortal.Benchmarks -- joinlog [rows]</c>.
/// </summary>
internal static class JoinLogBenchmark
{
    private const int Repetitions = 30;

    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("zp-bench-");
        try
        {
            var sqlite = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={Path.Combine(folder.FullName, "log.db")}").Options;
            await using (var db = new SqlitePortalDbContext(sqlite))
            {
                await db.Database.MigrateAsync();
            }

            var seeded = await TimeAsync(() => SeedSqliteAsync(sqlite, rows));
            Console.WriteLine($"SQLite: seeded {rows:N0} rows in {seeded.TotalSeconds:F1} s");
            await MeasureAsync("SQLite", new Factory(() => new SqlitePortalDbContext(sqlite)));
            SqliteConnection.ClearAllPools();

            if (Environment.GetEnvironmentVariable("ZOOMPORTAL_BENCH_POSTGRES") is { Length: > 0 } server)
            {
                var database = new NpgsqlConnectionStringBuilder(server) { Database = $"zp_bench_{Guid.NewGuid():N}" }.ConnectionString;
                var postgres = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(database).Options;
                await using var db = new PostgresPortalDbContext(postgres);
                try
                {
                    await db.Database.MigrateAsync();
                    seeded = await TimeAsync(() => SeedPostgresAsync(database, rows));
                    await db.Database.ExecuteSqlRawAsync("ANALYZE \"JoinAttempts\"");
                    Console.WriteLine($"PostgreSQL: seeded {rows:N0} rows with COPY BINARY in {seeded.TotalSeconds:F1} s");
                    await MeasureAsync("PostgreSQL", new Factory(() => new PostgresPortalDbContext(postgres)));
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    await db.Database.EnsureDeletedAsync();
                }
            }
            else
            {
                Console.WriteLine("PostgreSQL: skipped (set ZOOMPORTAL_BENCH_POSTGRES)");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task MeasureAsync(string provider, Factory factory)
    {
        var query = new JoinAttemptQuery(factory);
        long maxId, minFailedId;
        await using (var db = factory.CreateDbContext())
        {
            maxId = await db.JoinAttempts.MaxAsync(a => a.Id);
            minFailedId = await db.JoinAttempts.Where(a => a.Outcome == JoinAttemptOutcome.Failed).OrderBy(a => a.Id).Select(a => a.Id).Skip(10).FirstAsync();
        }

        var day = JoinLogData.Start.AddDays(45);
        (string Name, JoinAttemptFilter Filter, long? Before)[] cases =
        [
            ("first page (failures)", new JoinAttemptFilter(), null),
            ("middle page (failures)", new JoinAttemptFilter(), maxId / 2),
            ("last page (failures)", new JoinAttemptFilter(), minFailedId),
            ("first page (every attempt)", new JoinAttemptFilter { All = true }, null),
            ("last page (every attempt)", new JoinAttemptFilter { All = true }, 40),
            ("category Signature", new JoinAttemptFilter { Category = JoinErrorCategory.Signature }, null),
            ("category Signature, middle", new JoinAttemptFilter { Category = JoinErrorCategory.Signature }, maxId / 2),
            ("meeting", new JoinAttemptFilter { Meeting = 81_000_000_777 }, null),
            ("user", new JoinAttemptFilter { User = "user-4242", All = true }, null),
            ("time range (1 day, failures)", new JoinAttemptFilter { From = day, To = day.AddDays(1) }, null),
            ("time range (1 day), middle", new JoinAttemptFilter { From = day, To = day.AddDays(1) }, (maxId / 2) + 5_000),
            ("support code", new JoinAttemptFilter { SupportCode = "ZP-07A120", All = true }, null),
        ];

        Console.WriteLine($"| {provider} query | rows | median ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, filter, before) in cases)
        {
            var timings = new List<double>(Repetitions);
            var count = 0;
            for (var i = 0; i < Repetitions + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var page = await query.GetPageAsync(filter, before, JoinAttemptQuery.DefaultPageSize, CancellationToken.None);
                watch.Stop();
                count = page.Rows.Count;
                if (i >= 3)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {count} | {Percentile(timings, 0.5):F2} | {Percentile(timings, 0.95):F2} |"));
        }

        await MeasureRenderAsync(provider, query);
    }

    private static async Task MeasureRenderAsync(string provider, JoinAttemptQuery query)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMudServices();
        await using var provided = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provided, provided.GetRequiredService<ILoggerFactory>());
        var timings = new List<double>(Repetitions);
        var length = 0;
        for (var i = 0; i < Repetitions + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var page = await query.GetPageAsync(new JoinAttemptFilter(), null, JoinAttemptQuery.DefaultPageSize, CancellationToken.None);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<JoinAttemptGrid>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(JoinAttemptGrid.Rows)] = page.Rows,
                    [nameof(JoinAttemptGrid.OnOpen)] = EventCallback<JoinAttempt>.Empty,
                }));
                return output.ToHtmlString();
            });
            watch.Stop();
            length = html.Length;
            if (i >= 3)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: first page read + grid of 50 rows rendered to HTML ({length:N0} chars): median {Percentile(timings, 0.5):F2} ms, p95 {Percentile(timings, 0.95):F2} ms"));
        Console.WriteLine();
    }

    private static async Task SeedSqliteAsync(DbContextOptions<SqlitePortalDbContext> options, int rows)
    {
        await using var db = new SqlitePortalDbContext(options);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO JoinAttempts ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var parameters = Columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
        command.Prepare();
        foreach (var a in JoinLogData.Generate(rows))
        {
            var values = Values(a);
            for (var i = 0; i < values.Length; i++)
            {
                // EF stores Guids as upper-case text and DateTimes as ISO text in SQLite.
                parameters[i].Value = values[i] switch
                {
                    Guid g => g.ToString().ToUpperInvariant(),
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                    null => DBNull.Value,
                    var v => v,
                };
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task SeedPostgresAsync(string connectionString, int rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"JoinAttempts\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var a in JoinLogData.Generate(rows))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(a.JoinId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(a.SupportCode, NpgsqlDbType.Varchar);
            await writer.WriteAsync(a.AttemptNumber, NpgsqlDbType.Integer);
            await writer.WriteAsync(a.StartedAt, NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(writer, a.FinishedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(a.UserId, NpgsqlDbType.Varchar);
            await writer.WriteAsync(a.MeetingId, NpgsqlDbType.Bigint);
            await writer.WriteAsync(a.Role, NpgsqlDbType.Integer);
            await writer.WriteAsync(a.Outcome.ToString(), NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, a.ErrorCode, NpgsqlDbType.Integer);
            await WriteNullableAsync(writer, a.ErrorMessage, NpgsqlDbType.Varchar);
            await writer.WriteAsync(a.ErrorCategory.ToString(), NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, a.JoinOutcome?.ToString(), NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, a.SdkVersion, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, a.SdkView, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, a.Browser, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, a.OperatingSystem, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, a.ZoomClockOffsetMs, NpgsqlDbType.Bigint);
            await WriteNullableAsync(writer, a.ZoomClockUncertaintyMs, NpgsqlDbType.Bigint);
            await WriteNullableAsync(writer, a.BrowserClockOffsetMs, NpgsqlDbType.Bigint);
            await WriteNullableAsync(writer, a.SignatureIssuedAt, NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(writer, a.SignatureExpiresAt, NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(writer, a.TimeToJoinMs, NpgsqlDbType.Integer);
        }

        await writer.CompleteAsync();
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await writer.WriteNullAsync();
        }
        else
        {
            await writer.WriteAsync(value, type);
        }
    }

    private static readonly string[] Columns =
    [
        "JoinId", "SupportCode", "AttemptNumber", "StartedAt", "FinishedAt", "UserId", "MeetingId", "Role", "Outcome", "ErrorCode",
        "ErrorMessage", "ErrorCategory", "JoinOutcome", "SdkVersion", "SdkView", "Browser", "OperatingSystem", "ZoomClockOffsetMs",
        "ZoomClockUncertaintyMs", "BrowserClockOffsetMs", "SignatureIssuedAt", "SignatureExpiresAt", "TimeToJoinMs",
    ];

    private static object?[] Values(JoinAttempt a) =>
    [
        a.JoinId, a.SupportCode, a.AttemptNumber, a.StartedAt, a.FinishedAt, a.UserId, a.MeetingId, a.Role, a.Outcome.ToString(), a.ErrorCode,
        a.ErrorMessage, a.ErrorCategory.ToString(), a.JoinOutcome?.ToString(), a.SdkVersion, a.SdkView, a.Browser, a.OperatingSystem,
        a.ZoomClockOffsetMs, a.ZoomClockUncertaintyMs, a.BrowserClockOffsetMs, a.SignatureIssuedAt, a.SignatureExpiresAt, a.TimeToJoinMs,
    ];

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private sealed class Factory(Func<PortalDbContext> create) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => create();
    }
}
