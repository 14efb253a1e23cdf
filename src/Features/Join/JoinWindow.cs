using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Features.Join;

/// <summary>
/// Whether joining is open now, by the server's clock and the same rule as the meetings pages
/// (<see cref="MeetingSchedule"/>, <c>Meetings:JoinLeadTime</c>): ended, not open until <see cref="OpensAt"/>, or open.
/// </summary>
/// <param name="EndedAt">When the meeting (its latest occurrence) ended; null unless it has.</param>
/// <param name="OpensAt">When joining opens; null when it is open (or has ended).</param>
public sealed record JoinWindow(DateTimeOffset? EndedAt, DateTimeOffset? OpensAt)
{
    public static readonly JoinWindow Open = new(null, null);

    /// <summary>
    /// The window of the occurrence that matters now. A host may start a meeting before joining opens (Zoom lets the
    /// host start early), so only attendees wait; nobody is offered an ended meeting.
    /// </summary>
    public static JoinWindow For(ScheduledMeeting? current, JoinKind kind) => current switch
    {
        null => Open,
        { Phase: MeetingPhase.Past } => new(current.End ?? current.Start, null),
        { Phase: MeetingPhase.Upcoming, CanJoin: false, JoinOpensAt: { } opensAt } when kind == JoinKind.Join => new(null, opensAt),
        _ => Open,
    };
}
