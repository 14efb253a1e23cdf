using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Admin;

/// <summary>
/// Reads the join-error log: filtered, newest first, paged by keyset on Id (never OFFSET, never COUNT(*) over
/// the table), so any page costs the same as the first one.
/// </summary>
public sealed class JoinAttemptQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    private const int TopCount = 5;

    /// <summary>Applies every filter. Pure query building, so tests can inspect the SQL and its plan.</summary>
    public static IQueryable<JoinAttempt> Apply(IQueryable<JoinAttempt> query, JoinAttemptFilter filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (!filter.All)
        {
            query = query.Where(a => a.Outcome == JoinAttemptOutcome.Failed);
        }

        if (filter.From is { } from)
        {
            var utc = AsUtc(from);
            query = query.Where(a => a.StartedAt >= utc);
        }

        if (filter.To is { } to)
        {
            var utc = AsUtc(to);
            query = query.Where(a => a.StartedAt < utc);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(a => a.ErrorCategory == category);
        }

        if (filter.Code is { } code)
        {
            query = query.Where(a => a.ErrorCode == code);
        }

        if (filter.Meeting is { } meeting)
        {
            query = query.Where(a => a.MeetingId == meeting);
        }

        if (Clean(filter.User) is { } user)
        {
            query = query.Where(a => a.UserId == user);
        }

        if (Clean(filter.Browser) is { } browser)
        {
            query = query.Where(a => a.Browser != null && a.Browser.StartsWith(browser));
        }

        if (Clean(filter.SdkVersion) is { } version)
        {
            query = query.Where(a => a.SdkVersion == version);
        }

        if (Clean(filter.SdkView) is { } view)
        {
            query = query.Where(a => a.SdkView == view);
        }

        if (filter.JoinOutcome is { } outcome)
        {
            query = query.Where(a => a.JoinOutcome == outcome);
        }

        if (Clean(filter.SupportCode) is { } supportCode)
        {
            var normalised = supportCode.ToUpperInvariant();
            query = query.Where(a => a.SupportCode == normalised);
        }

        return query;
    }

    /// <summary>
    /// The filtered rows with Id below <paramref name="before"/> (all when null), newest first. The page's ids are
    /// found first (from an index alone where one covers the filter), then only those rows are read: a time range
    /// whose rows must be sorted by Id then sorts ids, not whole rows.
    /// </summary>
    public static IQueryable<JoinAttempt> Page(IQueryable<JoinAttempt> query, JoinAttemptFilter filter, long? before, int size)
    {
        var filtered = Apply(query, filter);
        if (before is { } cursor)
        {
            filtered = filtered.Where(a => a.Id < cursor);
        }

        var ids = filtered.OrderByDescending(a => a.Id).Select(a => a.Id).Take(size);
        return query.Where(a => ids.Contains(a.Id)).OrderByDescending(a => a.Id);
    }

    public async Task<JoinAttemptPage> GetPageAsync(JoinAttemptFilter filter, long? before, int size, CancellationToken cancellationToken)
    {
        size = Math.Clamp(size, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One row more than asked tells whether an older page exists, without counting.
        var rows = await Page(db.JoinAttempts.AsNoTracking(), filter, before, size + 1).ToListAsync(cancellationToken);
        return rows.Count > size
            ? new JoinAttemptPage(rows.GetRange(0, size), rows[size - 1].Id)
            : new JoinAttemptPage(rows, null);
    }

    /// <summary>Every attempt of one join, by attempt number.</summary>
    public async Task<IReadOnlyList<JoinAttempt>> GetJoinAsync(Guid joinId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.JoinAttempts.AsNoTracking()
            .Where(a => a.JoinId == joinId)
            .OrderBy(a => a.AttemptNumber).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The filtered set, newest first, as the database hands it over (for the streamed CSV export).</summary>
    public async IAsyncEnumerable<JoinAttempt> StreamAsync(JoinAttemptFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Apply(db.JoinAttempts.AsNoTracking(), filter).OrderByDescending(a => a.Id).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Failures per hour (ranges up to 3 days) or per day by category, success after retries, top meetings and browsers.</summary>
    public async Task<JoinAttemptTrends> GetTrendsAsync(JoinAttemptFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var from = AsUtc(filter.From ?? now.AddDays(-7));
        var to = AsUtc(filter.To ?? now);
        var ranged = filter.Copy();
        ranged.From = from;
        ranged.To = to;
        var failuresOnly = ranged.Copy();
        failuresOnly.All = false;
        var hourly = to - from <= TimeSpan.FromDays(3);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var failed = Apply(db.JoinAttempts.AsNoTracking(), failuresOnly);
        List<FailureBucket> buckets;
        if (hourly)
        {
            var rows = await failed
                .GroupBy(a => new { a.StartedAt.Date, a.StartedAt.Hour, a.ErrorCategory })
                .Select(g => new { g.Key.Date, g.Key.Hour, g.Key.ErrorCategory, Count = g.Count() })
                .ToListAsync(cancellationToken);
            buckets = [.. rows.Select(r => new FailureBucket(DateTime.SpecifyKind(r.Date.AddHours(r.Hour), DateTimeKind.Utc), r.ErrorCategory, r.Count))];
        }
        else
        {
            var rows = await failed
                .GroupBy(a => new { a.StartedAt.Date, a.ErrorCategory })
                .Select(g => new { g.Key.Date, g.Key.ErrorCategory, Count = g.Count() })
                .ToListAsync(cancellationToken);
            buckets = [.. rows.Select(r => new FailureBucket(DateTime.SpecifyKind(r.Date, DateTimeKind.Utc), r.ErrorCategory, r.Count))];
        }

        // A join is counted once, by its first attempt; its JoinOutcome says how it ended after retries.
        var everyAttempt = ranged.Copy();
        everyAttempt.All = true;
        var joins = await Apply(db.JoinAttempts.AsNoTracking(), everyAttempt)
            .Where(a => a.AttemptNumber == 1)
            .GroupBy(a => a.JoinOutcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var meetings = await failed.GroupBy(a => a.MeetingId)
            .Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(TopCount)
            .ToListAsync(cancellationToken);
        var browsers = await failed.GroupBy(a => a.Browser)
            .Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(TopCount)
            .ToListAsync(cancellationToken);

        // Admins know meetings by topic; the catalog may have dropped a meeting since, so the ID stays as the key.
        var meetingIds = meetings.Select(m => m.Key).ToList();
        var topics = await db.Meetings.AsNoTracking()
            .Where(m => meetingIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Topic })
            .ToDictionaryAsync(m => m.Id, m => m.Topic, cancellationToken);

        return new JoinAttemptTrends(
            hourly,
            [.. buckets.OrderBy(b => b.Start).ThenBy(b => b.Category)],
            joins.Sum(j => j.Count),
            joins.Where(j => j.Outcome == JoinAttemptOutcome.Succeeded).Sum(j => j.Count),
            [.. meetings.Select(m => new FailureCount(m.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Count, topics.GetValueOrDefault(m.Key)))],
            [.. browsers.Select(b => new FailureCount(b.Key ?? "(unknown)", b.Count))]);
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
