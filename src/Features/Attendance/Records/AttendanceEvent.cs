namespace ZoomPortal.Features.Attendance.Records;

/// <summary>
/// One join, leave or waiting-room event about one participant, from an attendee's browser (SDK) or from Zoom (webhook).
/// Stored once (<see cref="IdempotencyKey"/> is unique); the attendance record is computed from all of a session's events.
/// </summary>
public sealed class AttendanceEvent
{
    public long Id { get; set; }

    public long SessionId { get; set; }

    /// <summary><c>sdk:{reporter}:{event id}</c> or <c>wh:{body hash}</c>: a replay finds its row.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    public AttendanceSource Source { get; set; }

    public AttendanceEventKind Kind { get; set; }

    /// <summary>When it happened (UTC): Zoom's time for webhooks, this server's receive time for SDK events.</summary>
    public DateTime OccurredAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>Failover or on-hold churn: recorded, but not a real join or leave.</summary>
    public bool Transient { get; set; }

    /// <summary>The portal user id the participant joined with (<c>customerKey</c>).</summary>
    public string? CustomerKey { get; set; }

    /// <summary>Upper-case e-mail, when known.</summary>
    public string? Email { get; set; }

    /// <summary>Zoom's in-meeting user id (SDK <c>userId</c>, webhook <c>participant.user_id</c>).</summary>
    public string? ZoomUserId { get; set; }

    public string? ParticipantUuid { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>The portal user whose browser reported an SDK event; null for webhooks.</summary>
    public string? ReportedBy { get; set; }
}

public enum AttendanceSource
{
    Sdk = 1,
    Webhook = 2,
}

public enum AttendanceEventKind
{
    Joined = 1,
    Left = 2,
    WaitingEntered = 3,
    WaitingLeft = 4,
}
