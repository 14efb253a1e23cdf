namespace ZoomPortal.Features.Attendance.Records;

/// <summary>What <see cref="AttendanceWriter"/> did with a reported event.</summary>
public enum AttendanceWriteResult
{
    /// <summary>Committed now.</summary>
    Stored = 1,

    /// <summary>Already in the database (a resend): nothing changed.</summary>
    Duplicate = 2,

    /// <summary>Not taken: the queue is full or the portal is stopping; the page resends later.</summary>
    Busy = 3,
}
