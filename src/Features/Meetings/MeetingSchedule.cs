using Microsoft.Extensions.Options;

namespace ZoomPortal.Features.Meetings;

/// <summary>
/// Places meetings in time: expands recurring meetings into occurrences, sorts them into live, upcoming and past,
/// and decides when joining is open. Pure: "now" is always passed in (the server's clock, never the browser's).
/// </summary>
public sealed class MeetingSchedule(IOptions<MeetingsOptions> options)
{
    /// <summary>How far ahead "n more this week" counts the further occurrences of a recurring meeting.</summary>
    public static readonly TimeSpan WeekAhead = TimeSpan.FromDays(7);

    public MeetingSchedule(MeetingsOptions options)
        : this(Options.Create(options))
    {
    }

    public TimeSpan JoinLeadTime => options.Value.JoinLeadTime;

    /// <summary>
    /// A recurring meeting appears once per section: live occurrences as they are, then its next occurrence (with how
    /// many more start within a week), then its latest past one. The details page lists every occurrence.
    /// </summary>
    public MeetingScheduleView Arrange(IEnumerable<MeetingSummary> meetings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var pastCutoff = now.AddDays(-options.Value.PastDays);
        var live = new List<ScheduledMeeting>();
        var upcoming = new List<ScheduledMeeting>();
        var past = new List<ScheduledMeeting>();
        foreach (var meeting in meetings)
        {
            var items = Expand(meeting, now);
            live.AddRange(items.Where(i => i.Phase == MeetingPhase.Live));
            var next = items.Where(i => i.Phase == MeetingPhase.Upcoming).ToList();
            if (next.Count > 0)
            {
                var first = next[0];
                var more = first.Start is { } start ? next.Skip(1).Count(i => i.Start < start + WeekAhead) : 0;
                upcoming.Add(first with { MoreThisWeek = more });
            }

            if (items.LastOrDefault(i => i.Phase == MeetingPhase.Past) is { } latest && latest.End >= pastCutoff)
            {
                past.Add(latest);
            }
        }

        return new(
            live.OrderBy(i => i.Start ?? DateTimeOffset.MaxValue).ThenBy(i => i.Meeting.Topic, StringComparer.CurrentCulture).ToList(),
            upcoming.OrderBy(i => i.Start ?? DateTimeOffset.MaxValue).ThenBy(i => i.Meeting.Topic, StringComparer.CurrentCulture).ToList(),
            past.OrderByDescending(i => i.Start).ThenBy(i => i.Meeting.Topic, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>The occurrence that matters now: the live one, else the next, else the latest past one (null: none).</summary>
    public ScheduledMeeting? Current(MeetingSummary meeting, DateTimeOffset now)
    {
        var items = Expand(meeting, now);
        return items.FirstOrDefault(i => i.Phase == MeetingPhase.Live)
            ?? items.FirstOrDefault(i => i.Phase == MeetingPhase.Upcoming)
            ?? (items.Count > 0 ? items[^1] : null);
    }

    /// <summary>The meeting and each of its occurrences, in start order.</summary>
    public IReadOnlyList<ScheduledMeeting> Expand(MeetingSummary meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Occurrences.Count == 0)
        {
            var end = meeting.Start?.AddMinutes(meeting.DurationMinutes);
            return [Place(meeting, null, meeting.Start, end, meeting.IsStarted, now)];
        }

        // Zoom reports "started" for the meeting, not an occurrence: it belongs to the latest one that could have begun.
        var startedOccurrence = meeting.IsStarted
            ? (meeting.Occurrences.LastOrDefault(o => o.Start - JoinLeadTime <= now) ?? meeting.Occurrences[0]).OccurrenceId
            : null;
        return meeting.Occurrences
            .OrderBy(o => o.Start)
            .Select(o => Place(meeting, o.OccurrenceId, o.Start, o.Start.AddMinutes(o.DurationMinutes), o.OccurrenceId == startedOccurrence, now))
            .ToList();
    }

    private ScheduledMeeting Place(MeetingSummary meeting, string? occurrenceId, DateTimeOffset? start, DateTimeOffset? end, bool started, DateTimeOffset now)
    {
        var phase = started || (start <= now && now < end)
            ? MeetingPhase.Live
            : start is null || now < start ? MeetingPhase.Upcoming : MeetingPhase.Past;
        var opensAt = start - JoinLeadTime;
        var canJoin = phase == MeetingPhase.Live || (phase == MeetingPhase.Upcoming && (opensAt is null || opensAt <= now));
        return new ScheduledMeeting(meeting, occurrenceId, start, end, phase, opensAt, canJoin);
    }
}
