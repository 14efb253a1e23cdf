using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Attendance.Records;

/// <summary>Reads a meeting's attendance from the database: the source of truth every roster (re)builds from.</summary>
public sealed class AttendanceRoster(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The meeting's sessions, newest first.</summary>
    public async Task<IReadOnlyList<AttendanceSession>> SessionsAsync(long meetingId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AttendanceSessions.AsNoTracking().Where(s => s.MeetingId == meetingId)
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).Take(50).ToListAsync(cancellationToken);
    }

    /// <summary>The session's reconciled record; the newest session when <paramref name="sessionId"/> is null; null when there is none.</summary>
    public async Task<RosterSnapshot?> LoadAsync(long meetingId, long? sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = db.AttendanceSessions.AsNoTracking().Where(s => s.MeetingId == meetingId);
        var session = sessionId is { } id
            ? await sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : await sessions.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var events = await db.AttendanceEvents.AsNoTracking().Where(e => e.SessionId == session.Id).ToListAsync(cancellationToken);
        return new RosterSnapshot(session, AttendanceReconciler.Reconcile(events, session.StartedAt, session.EndedAt));
    }
}

/// <summary>A session and its people, as the database held them when read.</summary>
public sealed record RosterSnapshot(AttendanceSession Session, IReadOnlyList<AttendeeRecord> Attendees);
