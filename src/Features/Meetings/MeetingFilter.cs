namespace ZoomPortal.Features.Meetings;

/// <summary>Search text (topic, agenda or host), a section, and a host (by label).</summary>
public sealed record MeetingFilter(string? Search = null, MeetingPhase? Section = null, string? Host = null)
{
    public static readonly MeetingFilter None = new();

    /// <summary>Longest search text taken from a link or form (longer is cut, not refused).</summary>
    public const int MaxSearchLength = 200;

    /// <summary>
    /// The filter a static page's query string asks for (<c>?q=…&amp;section=Live&amp;host=…</c>): untrusted input, so an
    /// unknown section or a host not among <paramref name="hosts"/> means "all".
    /// </summary>
    public static MeetingFilter FromQuery(string? search, string? section, string? host, IReadOnlyList<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        return new MeetingFilter(
            text is { Length: > MaxSearchLength } ? text[..MaxSearchLength] : text,
            Enum.TryParse<MeetingPhase>(section, ignoreCase: false, out var phase) && Enum.IsDefined(phase) ? phase : null,
            host is not null && hosts.Contains(host) ? host : null);
    }

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
