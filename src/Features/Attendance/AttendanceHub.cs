using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Features.Attendance;

/// <summary>
/// Join pages report attendance events here; rosters watch a meeting's group. Holds no state: what a connection may do
/// for a meeting is remembered in <see cref="HubCallerContext.Items"/>, events go to the database before any broadcast.
/// </summary>
[Authorize]
public sealed partial class AttendanceHub(
    AttendanceAccess access,
    AttendanceRecorder recorder,
    AttendanceWriter writer,
    TimeProvider time,
    ILogger<AttendanceHub> logger) : Hub<IAttendanceClient>
{
    public const string Path = "/hubs/attendance";

    public static string RosterGroup(long meetingId) => $"roster:{meetingId}";

    public static string WaitingGroup(long meetingId) => $"waiting:{meetingId}";

    /// <summary>
    /// Stores one event (through the batching <see cref="AttendanceWriter"/>) and answers once it is committed; a resend
    /// of a stored event is acknowledged as a duplicate and changes nothing. When the writer is full or the write fails,
    /// the answer is "slow down and resend": the event is not acknowledged, so the page keeps it and sends it again.
    /// </summary>
    public async Task<AttendanceAck> Report(AttendanceReport report) => (await ReportManyAsync([report]))[0];

    /// <summary>
    /// Up to <see cref="AttendanceReportRules.MaxBatchSize"/> events in one invocation, as <see cref="Report"/> answers
    /// each of them: one answer per event, in order, each checked on its own. They are written together, so one
    /// "slow down" refuses all of them and a page never finds a later event stored before an earlier one. A page of ours
    /// never sends an empty or oversized batch, or a malformed event in one: the connection is ended.
    /// </summary>
    public async Task<AttendanceAck[]> ReportBatch(AttendanceReport[] reports)
    {
        if (reports is null || reports.Length is 0 or > AttendanceReportRules.MaxBatchSize)
        {
            LogRefused(logger, Context.ConnectionId, $"a batch must hold 1 to {AttendanceReportRules.MaxBatchSize} events");
            Context.Abort();
            return [];
        }

        return await ReportManyAsync(reports);
    }

    private async Task<AttendanceAck[]> ReportManyAsync(AttendanceReport[] reports)
    {
        var acks = new AttendanceAck[reports.Length];
        foreach (var report in reports)
        {
            if (AttendanceReportRules.Problem(report) is { } problem)
            {
                // A page of ours never sends this: end the connection rather than argue with it. Nothing of it is stored.
                LogRefused(logger, Context.ConnectionId, problem);
                Context.Abort();
                return reports.Select(r => new AttendanceAck(r?.EventId ?? Guid.Empty, false, "The event was refused: " + problem + ".")).ToArray();
            }
        }

        var user = Context.User!;
        var userId = user.UserId()!;
        var now = time.GetUtcNow().UtcDateTime;
        var accepted = new List<int>(reports.Length);
        var events = new List<(long MeetingId, AttendanceEvent Event)>(reports.Length);
        for (var i = 0; i < reports.Length; i++)
        {
            var report = reports[i];
            var role = await RoleAsync(report.MeetingId);
            if (role == ReporterRole.None)
            {
                LogRefused(logger, Context.ConnectionId, "not joining this meeting");
                acks[i] = new AttendanceAck(report.EventId, false, "You are not joining this meeting.");
                continue;
            }

            var participant = report.Participant!;
            if (!participant.Self && role != ReporterRole.Host)
            {
                LogRefused(logger, Context.ConnectionId, "an attendee reported someone else");
                acks[i] = new AttendanceAck(report.EventId, false, "An attendee reports only itself.");
                continue;
            }

            var attendanceEvent = ToEvent(report, user, userId, now);
            if (role == ReporterRole.Host && participant.Self && attendanceEvent.Kind == AttendanceEventKind.Joined && !attendanceEvent.Transient)
            {
                // The host's own SDK is in: the meeting has started, whether or not Zoom's webhook has arrived yet.
                await recorder.MeetingStartedAsync(report.MeetingId, null, now, Context.ConnectionAborted);
            }

            accepted.Add(i);
            events.Add((report.MeetingId, attendanceEvent));
        }

        if (events.Count == 0)
        {
            return acks;
        }

        AttendanceWriteResult[] results;
        try
        {
            results = await writer.WriteManyAsync(events, Context.ConnectionAborted);
        }
        catch (Exception e) when (!Context.ConnectionAborted.IsCancellationRequested)
        {
            LogNotStored(logger, Context.ConnectionId, e.GetType().Name);
            results = Enumerable.Repeat(AttendanceWriteResult.Busy, events.Count).ToArray();
        }

        for (var k = 0; k < accepted.Count; k++)
        {
            var eventId = reports[accepted[k]].EventId;
            acks[accepted[k]] = results[k] == AttendanceWriteResult.Busy
                ? new AttendanceAck(eventId, false, AttendanceAck.TooManyEvents)
                : new AttendanceAck(eventId, Duplicate: results[k] == AttendanceWriteResult.Duplicate);
        }

        return acks;
    }

    private static AttendanceEvent ToEvent(AttendanceReport report, ClaimsPrincipal user, string userId, DateTime now)
    {
        var participant = report.Participant!;
        var attendanceEvent = new AttendanceEvent
        {
            IdempotencyKey = $"sdk:{userId}:{report.EventId:N}",
            Source = AttendanceSource.Sdk,
            Kind = AttendanceReportRules.KindOf(report.Kind)!.Value,
            OccurredAt = now,
            Transient = AttendanceReportRules.IsTransient(report.Reason),
            ReportedBy = userId,
            ZoomUserId = participant.ZoomUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ParticipantUuid = NullIfEmpty(participant.ParticipantUuid),
        };
        if (participant.Self)
        {
            // The reporter's own identity comes from its sign-in, never from the message.
            attendanceEvent.CustomerKey = userId.Length <= AttendanceReportRules.MaxCustomerKeyLength ? userId : null;
            attendanceEvent.Email = Meeting.NormalizeEmail(user.Email());
            attendanceEvent.DisplayName = Trim(user.FindFirst(PortalClaimTypes.Name)?.Value) ?? Trim(participant.DisplayName);
        }
        else
        {
            attendanceEvent.CustomerKey = NullIfEmpty(participant.CustomerKey);
            attendanceEvent.DisplayName = Trim(participant.DisplayName);
        }

        return attendanceEvent;
    }

    /// <summary>A roster joins its meeting's group (host and admins only); false when refused.</summary>
    public async Task<bool> WatchMeeting(long meetingId)
    {
        if (!await access.CanWatchAsync(Context.User!, meetingId, Context.ConnectionAborted))
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, RosterGroup(meetingId), Context.ConnectionAborted);
        return true;
    }

    /// <summary>A join page waiting for the host (3008) hears <see cref="IAttendanceClient.MeetingStarted"/>.</summary>
    public async Task<bool> WaitForHost(long meetingId)
    {
        if (await RoleAsync(meetingId) == ReporterRole.None)
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, WaitingGroup(meetingId), Context.ConnectionAborted);
        return true;
    }

    private async Task<ReporterRole> RoleAsync(long meetingId)
    {
        // Once allowed, a connection stays allowed for that meeting; a refusal is asked again (the join may begin later).
        var key = "attendance-role:" + meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Context.Items.TryGetValue(key, out var known) && known is ReporterRole cached)
        {
            return cached;
        }

        var role = await access.ReporterRoleAsync(Context.User ?? new ClaimsPrincipal(), meetingId, Context.ConnectionAborted);
        if (role != ReporterRole.None)
        {
            Context.Items[key] = role;
        }

        return role;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Trim(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null
            : trimmed.Length > AttendanceReportRules.MaxNameLength ? trimmed[..AttendanceReportRules.MaxNameLength] : trimmed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attendance event on connection {ConnectionId} not stored ({Error}); the page is told to resend")]
    private static partial void LogNotStored(ILogger logger, string connectionId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attendance event refused on connection {ConnectionId}: {Problem}")]
    private static partial void LogRefused(ILogger logger, string connectionId, string problem);
}
