namespace ZoomPortal.Features.Meetings;

/// <summary>The three sections of the meetings page, each in display order.</summary>
public sealed record MeetingScheduleView(
    IReadOnlyList<ScheduledMeeting> Live,
    IReadOnlyList<ScheduledMeeting> Upcoming,
    IReadOnlyList<ScheduledMeeting> Past)
{
    public static readonly MeetingScheduleView Empty = new([], [], []);

    public bool IsEmpty => Live.Count == 0 && Upcoming.Count == 0 && Past.Count == 0;

    public IEnumerable<ScheduledMeeting> All => Live.Concat(Upcoming).Concat(Past);

    public MeetingScheduleView Filter(MeetingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(
            filter.Section is null or MeetingPhase.Live ? Live.Where(filter.Matches).ToList() : [],
            filter.Section is null or MeetingPhase.Upcoming ? Upcoming.Where(filter.Matches).ToList() : [],
            filter.Section is null or MeetingPhase.Past ? Past.Where(filter.Matches).ToList() : []);
    }
}
