using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Features.Attendance;

/// <summary>
/// Who may report and who may watch. A user reports only for a meeting they are joining or in: a join of theirs for it
/// started within <see cref="AttendanceOptions.JoinWindow"/> and did not fail. Its host may report everyone its SDK sees.
/// </summary>
public sealed class AttendanceAccess(
    IDbContextFactory<PortalDbContext> dbFactory,
    MeetingAccess meetings,
    IOptions<AttendanceOptions> options,
    TimeProvider time)
{
    public async Task<ReporterRole> ReporterRoleAsync(ClaimsPrincipal user, long meetingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId() is not { } userId || user.Identity?.IsAuthenticated != true)
        {
            return ReporterRole.None;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await meetings.VisibleTo(db.Meetings, user).Where(m => m.Id == meetingId)
            .Select(m => new { m.HostEmail }).FirstOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return ReporterRole.None;
        }

        var since = time.GetUtcNow().UtcDateTime - options.Value.JoinWindow;
        var joining = await db.JoinAttempts.AnyAsync(
            a => a.UserId == userId && a.MeetingId == meetingId && a.StartedAt >= since && a.JoinOutcome != JoinAttemptOutcome.Failed,
            cancellationToken);
        if (!joining)
        {
            return ReporterRole.None;
        }

        return meetings.IsHost(meeting.HostEmail, user) ? ReporterRole.Host : ReporterRole.Attendee;
    }

    /// <summary>The meeting's host and admins see its roster.</summary>
    public async Task<bool> CanWatchAsync(ClaimsPrincipal user, long meetingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.Where(m => m.Id == meetingId && m.RemovedUtc == null)
            .Select(m => new { m.HostEmail }).FirstOrDefaultAsync(cancellationToken);
        return meeting is not null && meetings.CanManage(meeting.HostEmail, user);
    }
}

public enum ReporterRole
{
    None,
    Attendee,
    Host,
}
