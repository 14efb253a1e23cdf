using ZoomPortal.Features.Attendance.Records;

namespace ZoomPortal.Features.Attendance;

/// <summary>The checks on a reported event, as one pure function: a refusal names the field, never echoes its value.</summary>
public static class AttendanceReportRules
{
    public const int MaxNameLength = 128;
    public const int MaxCustomerKeyLength = 36;
    public const int MaxUuidLength = 128;
    public const long MaxMeetingId = 999_999_999_999_999;

    /// <summary>Most events in one <c>ReportBatch</c> (the page sends at most 20, and the message size limit applies too).</summary>
    public const int MaxBatchSize = 50;

    public static string? Problem(AttendanceReport? report)
    {
        if (report is null) return "report is required";
        if (report.EventId == Guid.Empty) return "eventId is required";
        if (report.MeetingId is < 1 or > MaxMeetingId) return "meetingId must be 1 to 15 digits";
        if (KindOf(report.Kind) is null) return "kind must be joined, left, waiting or admitted";
        if (report.Reason is { Length: > 32 }) return "reason is too long";
        if (report.Participant is not { } p) return "participant is required";
        if (p.DisplayName is { Length: > MaxNameLength } || p.DisplayName?.Any(char.IsControl) == true) return "participant.displayName is invalid";
        if (p.CustomerKey is { Length: > MaxCustomerKeyLength } || p.CustomerKey?.Any(char.IsControl) == true) return "participant.customerKey is invalid";
        if (p.ParticipantUuid is { Length: > MaxUuidLength } || p.ParticipantUuid?.Any(char.IsControl) == true) return "participant.participantUuid is invalid";
        if (p.ZoomUserId is < 0 or > uint.MaxValue) return "participant.zoomUserId is out of range";
        if (!p.Self && p.ZoomUserId is null && string.IsNullOrEmpty(p.CustomerKey) && string.IsNullOrEmpty(p.ParticipantUuid))
        {
            return "participant needs zoomUserId, customerKey or participantUuid";
        }

        return null;
    }

    public static AttendanceEventKind? KindOf(string? kind) => kind switch
    {
        "joined" => AttendanceEventKind.Joined,
        "left" => AttendanceEventKind.Left,
        "waiting" => AttendanceEventKind.WaitingEntered,
        "admitted" => AttendanceEventKind.WaitingLeft,
        _ => null,
    };

    /// <summary>Zoom's failover and on-hold moves are not real joins or leaves (zoom-sdk.md §4.2).</summary>
    public static bool IsTransient(string? reason) =>
        string.Equals(reason, "failover", StringComparison.OrdinalIgnoreCase) || string.Equals(reason, "on hold", StringComparison.OrdinalIgnoreCase);
}
