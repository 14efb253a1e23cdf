using ZoomPortal.Features.Attendance.Records;

namespace ZoomPortal.Features.Attendance;

/// <summary>What the attendance hub sends to browsers.</summary>
public interface IAttendanceClient
{
    /// <summary>
    /// To a meeting's rosters: something changed; the changes are hints, the database is the truth. One message carries
    /// everything one write stored for the meeting (one or more changes, in the order they were reported).
    /// </summary>
    Task RosterChanged(IReadOnlyList<RosterChange> changes);

    /// <summary>To attendees waiting for the host (3008): the meeting has started, join now.</summary>
    Task MeetingStarted(long meetingId);
}

/// <summary>A roster hint: who (display name) did what, when. <see cref="Kind"/> is null for a session start or end.</summary>
public sealed record RosterChange(long MeetingId, long SessionId, AttendanceEventKind? Kind, string? DisplayName, DateTime At);
