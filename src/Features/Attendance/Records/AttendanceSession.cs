namespace ZoomPortal.Features.Attendance.Records;

/// <summary>
/// One occurrence of a meeting (Zoom's meeting UUID). SDK events know only the meeting number, so a session may start
/// without a UUID and take it when <c>meeting.started</c> (or a participant webhook) names it.
/// </summary>
public sealed class AttendanceSession
{
    public long Id { get; set; }

    public long MeetingId { get; set; }

    /// <summary>Zoom's UUID of this occurrence; null until a webhook names it.</summary>
    public string? ZoomUuid { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public List<AttendanceEvent> Events { get; } = [];
}
