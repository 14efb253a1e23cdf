using System.Globalization;

namespace ZoomPortal.Features.Meetings;

/// <summary>A meeting, or one occurrence of a recurring meeting, placed in time.</summary>
/// <param name="Start">Null for a recurring meeting without a fixed time.</param>
/// <param name="MoreThisWeek">Further occurrences of a recurring meeting within a week of this one (the list shows it once).</param>
public sealed record ScheduledMeeting(
    MeetingSummary Meeting,
    string? OccurrenceId,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    MeetingPhase Phase,
    DateTimeOffset? JoinOpensAt,
    bool CanJoin,
    int MoreThisWeek = 0)
{
    public string Key => OccurrenceId is null
        ? Meeting.Id.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Meeting.Id}-{OccurrenceId}");
}
