using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Meetings;

/// <summary>What pages show of a meeting: everything except the passcode.</summary>
public sealed record MeetingSummary(
    long Id,
    string Topic,
    string? Agenda,
    string? HostName,
    string? HostEmail,
    DateTimeOffset? Start,
    int DurationMinutes,
    string? TimeZone,
    int Type,
    bool IsStarted,
    bool ViewerIsHost,
    bool ViewerCanManage,
    MeetingVisibility Visibility,
    IReadOnlyList<string> Groups,
    IReadOnlyList<OccurrenceSummary> Occurrences,
    DateTimeOffset LastSynced)
{
    public string HostLabel => HostName ?? HostEmail ?? L["Meeting.UnknownHost"];

    private static StaticText L => StaticText.Instance;
}
