namespace ZoomPortal.Features.Attendance.Records;

/// <summary>One person's attendance in one session, as reconciled from every event about them.</summary>
public sealed record AttendeeRecord(
    string Key,
    string? UserId,
    string? Email,
    string DisplayName,
    AttendeeState State,
    DateTime Since,
    IReadOnlyList<AttendanceInterval> Intervals)
{
    /// <summary>Minutes in the meeting; an open interval counts up to <paramref name="now"/>.</summary>
    public double MinutesAt(DateTime now) =>
        Intervals.Sum(i => ((i.To ?? now) - i.From).TotalMinutes is var m && m > 0 ? m : 0);
}

/// <summary>A stretch in the meeting; <see cref="To"/> is null while the person is still in.</summary>
public sealed record AttendanceInterval(DateTime From, DateTime? To);

public enum AttendeeState
{
    In,
    Waiting,
    Left,
}
