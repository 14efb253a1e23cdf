using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Meetings;

/// <summary>Reads the catalog for pages (always through <see cref="MeetingAccess"/>) and changes a meeting's visibility.</summary>
public sealed partial class MeetingCatalog(
    IDbContextFactory<PortalDbContext> dbs,
    MeetingAccess access,
    MeetingCatalogNotifier notifier,
    IOptions<MeetingsOptions> options,
    TimeProvider time,
    ILogger<MeetingCatalog> logger)
{
    /// <summary>Meetings the user may see, from the start of the past window on.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> ListVisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await ListAsync(access.VisibleTo(db.Meetings, user), user, cancellationToken);
    }

    /// <summary>Meetings the user hosts, from the start of the past window on.</summary>
    public async Task<IReadOnlyList<MeetingSummary>> ListHostedAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await ListAsync(access.HostedBy(db.Meetings, user), user, cancellationToken);
    }

    /// <summary>The meeting, or null when it does not exist or the user may not see it (the caller answers 404 for both).</summary>
    public async Task<MeetingSummary?> FindVisibleAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var meeting = await access.VisibleTo(db.Meetings, user)
            .AsNoTracking()
            .Include(m => m.Occurrences)
            .Include(m => m.Groups)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is null ? null : ToSummary(meeting, user);
    }

    public async Task<VisibilityChangeResult> ChangeVisibilityAsync(long id, ClaimsPrincipal user, VisibilityForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var meeting = await access.VisibleTo(db.Meetings, user)
            .Include(m => m.Groups)
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return VisibilityChangeResult.NotFound;
        }

        if (!access.CanManage(meeting.HostEmail, user))
        {
            return VisibilityChangeResult.Forbidden;
        }

        var errors = form.Validate(out var groups);
        if (errors.Count > 0)
        {
            return VisibilityChangeResult.Invalid(errors);
        }

        meeting.Visibility = form.Visibility;
        meeting.Groups.RemoveAll(g => !groups.Contains(g.Name, StringComparer.Ordinal));
        foreach (var name in groups.Where(n => !meeting.Groups.Exists(g => g.Name == n)))
        {
            meeting.Groups.Add(new MeetingGroup { MeetingId = id, Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);
        LogVisibilityChanged(logger, id, form.Visibility, groups.Count, user.Identity?.Name);
        await notifier.PublishAsync(new MeetingCatalogChange([id]));
        return VisibilityChangeResult.Saved;
    }

    private async Task<IReadOnlyList<MeetingSummary>> ListAsync(IQueryable<Meeting> meetings, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A day of slack so a long meeting that started before the window but ended inside it is still read.
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.PastDays - 1);
        var rows = await meetings
            .AsNoTracking()
            .Where(m => m.StartTimeUtc == null || m.StartTimeUtc >= cutoff || m.Occurrences.Any(o => o.StartTimeUtc >= cutoff))
            .Include(m => m.Occurrences)
            .Include(m => m.Groups)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(m => ToSummary(m, user)).ToList();
    }

    private MeetingSummary ToSummary(Meeting m, ClaimsPrincipal user) => new(
        m.Id,
        m.Topic,
        m.Agenda,
        m.HostName,
        m.HostEmail,
        m.StartTimeUtc is { } start ? new DateTimeOffset(start, TimeSpan.Zero) : null,
        m.DurationMinutes,
        m.TimeZone,
        m.Type,
        string.Equals(m.ZoomStatus, MeetingStatuses.Started, StringComparison.OrdinalIgnoreCase),
        access.IsHost(m.HostEmail, user),
        access.CanManage(m.HostEmail, user),
        m.Visibility,
        m.Groups.Select(g => g.Name).Order(StringComparer.Ordinal).ToList(),
        m.Occurrences
            .Where(o => !string.Equals(o.Status, MeetingStatuses.Deleted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(o => o.StartTimeUtc)
            .Select(o => new OccurrenceSummary(o.OccurrenceId, new DateTimeOffset(o.StartTimeUtc, TimeSpan.Zero), o.DurationMinutes))
            .ToList(),
        new DateTimeOffset(m.LastSyncedUtc, TimeSpan.Zero));

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} visibility set to {Visibility} with {GroupCount} group(s) by {UserName}")]
    private static partial void LogVisibilityChanged(ILogger logger, long meetingId, MeetingVisibility visibility, int groupCount, string? userName);
}
