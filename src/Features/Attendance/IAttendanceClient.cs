using ZoomPortal.Features.Attendance.Records;

namespace ZoomPortal.Features.Attendance;

/// <summary>What the attendance hub sends to browsers.</summary>
public interface IAttendanceClient
{
    /// <summary>To a meeting's rosters: something changed; the change is a hint, the database is the truth.</summary>
    Task RosterChanged(RosterChange change);

    /// <summary>To attendees waiting for the host (3008): the meeting has started, join now.</summary>
    Task MeetingStarted(long meetingId);
}

/// <summary>A roster hint: who (display name) did what, when. <see cref="Kind"/> is null for a session start or end.</summary>
public sealed record RosterChange(long MeetingId, long SessionId, AttendanceEventKind? Kind, string? DisplayName, DateTime At);
