using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Data;

namespace ZoomPortal.Features.Attendance.Records;

/// <summary>
/// Stores attendance events (idempotently) and session starts and ends, then tells the meeting's rosters. Every write
/// is committed before anything is broadcast, so a roster that reloads always finds what it was told about.
/// </summary>
public sealed partial class AttendanceRecorder(
    IDbContextFactory<PortalDbContext> dbFactory,
    IHubContext<AttendanceHub, IAttendanceClient> hub,
    TimeProvider time,
    ILogger<AttendanceRecorder> logger)
{
    // Another instance may end a session: a cached id is trusted only briefly.
    private static readonly TimeSpan SessionCacheLifetime = TimeSpan.FromSeconds(30);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (long SessionId, DateTimeOffset Until)> _openSessions = new();

    /// <summary>Stores the event unless its idempotency key is known, then tells the rosters; false for a replay (nothing changes).</summary>
    public async Task<bool> RecordAsync(long meetingId, string? zoomUuid, AttendanceEvent attendanceEvent, CancellationToken cancellationToken)
    {
        var stored = await StoreAsync(meetingId, zoomUuid, attendanceEvent, cancellationToken);
        if (stored)
        {
            await NotifyAsync(meetingId, [attendanceEvent]);
        }

        return stored;
    }

    /// <summary>Stores one event unless its idempotency key is known (no broadcast); false for a replay.</summary>
    public async Task<bool> StoreAsync(long meetingId, string? zoomUuid, AttendanceEvent attendanceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attendanceEvent);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Looked up first: a unique-key violation would be logged as a database error for every resend.
        if (await db.AttendanceEvents.AnyAsync(e => e.IdempotencyKey == attendanceEvent.IdempotencyKey, cancellationToken))
        {
            return false;
        }

        attendanceEvent.Id = 0;
        attendanceEvent.SessionId = await SessionIdForAsync(db, meetingId, zoomUuid, attendanceEvent.OccurredAt, cancellationToken);
        attendanceEvent.ReceivedAt = time.GetUtcNow().UtcDateTime;
        db.AttendanceEvents.Add(attendanceEvent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event raced in on another connection or instance: it is stored once, which is all that matters.
            if (await IsStoredAsync(attendanceEvent.IdempotencyKey, cancellationToken))
            {
                return false;
            }

            throw;
        }

        return true;
    }

    /// <summary>
    /// Stores SDK events (no Zoom UUID) with distinct idempotency keys in one <c>SaveChangesAsync</c>; for each, true
    /// when stored now, false when it was already stored. Throws <see cref="DbUpdateException"/> when the database
    /// refuses the batch (e.g. another instance stored one of them meanwhile): nothing of it is stored then, and the
    /// caller stores the events one by one with <see cref="StoreAsync"/>.
    /// </summary>
    public async Task<bool[]> StoreBatchAsync(IReadOnlyList<(long MeetingId, AttendanceEvent Event)> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stored = new bool[batch.Count];
        if (batch.Count == 0)
        {
            return stored;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = batch.Select(b => b.Event.IdempotencyKey).ToList();
        var known = (await db.AttendanceEvents.Where(e => keys.Contains(e.IdempotencyKey)).Select(e => e.IdempotencyKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        // Sessions first: opening one saves it, which must not save half of the batch with it.
        var sessions = new Dictionary<long, long>();
        foreach (var (meetingId, attendanceEvent) in batch)
        {
            if (!sessions.ContainsKey(meetingId))
            {
                sessions[meetingId] = await SessionIdForAsync(db, meetingId, null, attendanceEvent.OccurredAt, cancellationToken);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < batch.Count; i++)
        {
            var (meetingId, attendanceEvent) = batch[i];
            if (!known.Add(attendanceEvent.IdempotencyKey))
            {
                continue;
            }

            attendanceEvent.Id = 0;
            attendanceEvent.SessionId = sessions[meetingId];
            attendanceEvent.ReceivedAt = now;
            db.AttendanceEvents.Add(attendanceEvent);
            stored[i] = true;
        }

        if (stored.Any(s => s))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return stored;
    }

    /// <summary>
    /// The session of an SDK event (no UUID) comes from a short-lived cache, saving a query per event.
    /// </summary>
    private async Task<long> SessionIdForAsync(PortalDbContext db, long meetingId, string? zoomUuid, DateTime at, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (zoomUuid is null && _openSessions.TryGetValue(meetingId, out var cached) && cached.Until > now)
        {
            return cached.SessionId;
        }

        var session = await SessionForAsync(db, meetingId, zoomUuid, at, cancellationToken);
        if (session.EndedAt is null)
        {
            _openSessions[meetingId] = (session.Id, now + SessionCacheLifetime);
        }

        return session.Id;
    }

    /// <summary><c>meeting.started</c>: opens (or names) the occurrence's session and tells waiting attendees.</summary>
    public async Task MeetingStartedAsync(long meetingId, string? zoomUuid, DateTime at, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionForAsync(db, meetingId, zoomUuid, at, cancellationToken);
        if (session.StartedAt > at)
        {
            session.StartedAt = at;
            await db.SaveChangesAsync(cancellationToken);
        }

        LogSession(logger, meetingId, session.Id, "started");
        await BroadcastAsync(meetingId, () => hub.Clients.Group(AttendanceHub.WaitingGroup(meetingId)).MeetingStarted(meetingId));
        await BroadcastAsync(meetingId, () => hub.Clients.Group(AttendanceHub.RosterGroup(meetingId)).RosterChanged([new RosterChange(meetingId, session.Id, null, null, at)]));
    }

    /// <summary><c>meeting.ended</c>: closes the session; everyone still in leaves at <paramref name="at"/>.</summary>
    public async Task MeetingEndedAsync(long meetingId, string? zoomUuid, DateTime at, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await SessionForAsync(db, meetingId, zoomUuid, at, cancellationToken);
        session.EndedAt ??= at;
        await db.SaveChangesAsync(cancellationToken);
        _openSessions.TryRemove(meetingId, out _);
        LogSession(logger, meetingId, session.Id, "ended");
        await BroadcastAsync(meetingId, () => hub.Clients.Group(AttendanceHub.RosterGroup(meetingId)).RosterChanged([new RosterChange(meetingId, session.Id, null, null, at)]));
    }

    private async Task<bool> IsStoredAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AttendanceEvents.AnyAsync(e => e.IdempotencyKey == key, cancellationToken);
    }

    /// <summary>
    /// The session an event belongs to: the one with its UUID; else the meeting's open session without a UUID (which
    /// takes this one); else the open session; else a new one.
    /// </summary>
    private static async Task<AttendanceSession> SessionForAsync(PortalDbContext db, long meetingId, string? zoomUuid, DateTime at, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(zoomUuid))
        {
            var named = await db.AttendanceSessions.FirstOrDefaultAsync(s => s.ZoomUuid == zoomUuid, cancellationToken);
            if (named is not null)
            {
                return named;
            }
        }

        var open = await db.AttendanceSessions
            .Where(s => s.MeetingId == meetingId && s.EndedAt == null && (zoomUuid == null || s.ZoomUuid == null))
            .OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            if (!string.IsNullOrEmpty(zoomUuid))
            {
                open.ZoomUuid = zoomUuid;
                await db.SaveChangesAsync(cancellationToken);
            }

            return open;
        }

        var created = new AttendanceSession { MeetingId = meetingId, ZoomUuid = string.IsNullOrEmpty(zoomUuid) ? null : zoomUuid, StartedAt = at };
        db.AttendanceSessions.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Tells the meeting's rosters about stored events: one message for all of them.</summary>
    public Task NotifyAsync(long meetingId, IReadOnlyList<AttendanceEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var changes = stored.Select(e => new RosterChange(meetingId, e.SessionId, e.Kind, e.DisplayName, e.OccurredAt)).ToArray();
        return BroadcastAsync(meetingId, () => hub.Clients.Group(AttendanceHub.RosterGroup(meetingId)).RosterChanged(changes));
    }

    /// <summary>
    /// A broadcast is a hint sent after the write: when it fails (the Redis backplane is down) the event is still stored,
    /// so the caller is not failed (it would resend); rosters reread the database when the backplane is back.
    /// </summary>
    private async Task BroadcastAsync(long meetingId, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBroadcastFailed(logger, meetingId, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster hint for meeting {MeetingId} not sent ({Error}); the event is stored and rosters resync")]
    private static partial void LogBroadcastFailed(ILogger logger, long meetingId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} session {SessionId} {What}")]
    private static partial void LogSession(ILogger logger, long meetingId, long sessionId, string what);
}
