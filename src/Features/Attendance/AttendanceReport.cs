namespace ZoomPortal.Features.Attendance;

/// <summary>
/// An event the join page's module reports: <see cref="Kind"/> is <c>joined</c>, <c>left</c>, <c>waiting</c> or
/// <c>admitted</c>; <see cref="Reason"/> carries the SDK's <c>source</c>/<c>reason</c> (<c>failover</c>, <c>on hold</c>).
/// Hostile input: <see cref="AttendanceReportRules"/> checks every field.
/// </summary>
public sealed record AttendanceReport(Guid EventId, long MeetingId, string? Kind, string? Reason, ReportedParticipant? Participant);

/// <summary>Who the event is about. <see cref="Self"/>: the reporting user; otherwise a participant the host's SDK sees.</summary>
public sealed record ReportedParticipant(bool Self, long? ZoomUserId, string? DisplayName, string? CustomerKey, string? ParticipantUuid);

/// <summary>
/// The hub's answer to a report: stored now, already stored (a resend), or <see cref="Refused"/> with the reason (not
/// joining this meeting, not allowed to report others, too many events). A refusal is an answer, not a server error.
/// <see cref="TooManyEvents"/> is the one refusal a page resends after a pause: the connection's rate limit, a full
/// write queue and a failed write all answer with it.
/// </summary>
public sealed record AttendanceAck(Guid EventId, bool Duplicate, string? Refused = null)
{
    public const string TooManyEvents = "Too many attendance events: slow down and resend.";
}
