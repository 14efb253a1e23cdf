namespace ZoomPortal.Features.Meetings;

/// <summary>Search text (topic, agenda or host), a section, and a host (by label).</summary>
public sealed record MeetingFilter(string? Search = null, MeetingPhase? Section = null, string? Host = null)
{
    public static readonly MeetingFilter None = new();

    public bool IsActive => !string.IsNullOrWhiteSpace(Search) || Section is not null || Host is not null;

    public bool Matches(ScheduledMeeting item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var meeting = item.Meeting;
        if (Host is not null && !string.Equals(meeting.HostLabel, Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var text = Search?.Trim();
        return string.IsNullOrEmpty(text) ||
            meeting.Topic.Contains(text, StringComparison.OrdinalIgnoreCase) ||
            (meeting.Agenda?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false) ||
            meeting.HostLabel.Contains(text, StringComparison.OrdinalIgnoreCase) ||
            (meeting.HostEmail?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
