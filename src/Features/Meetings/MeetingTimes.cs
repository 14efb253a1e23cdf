using System.Globalization;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Meetings;

/// <summary>Time zone lookup and the wording of times, durations and countdowns.</summary>
public static class MeetingTimes
{
    private const int MaxZoneIdLength = 64;

    private static StaticText L => StaticText.Instance;

    public static TimeZoneInfo? FindZone(string? ianaId)
    {
        var id = ianaId?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > MaxZoneIdLength)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(L["Times.DateTimeFormat"], CultureInfo.CurrentCulture);

    /// <summary>The instant in the meeting's own zone, e.g. "Sun 29 Mar 2026, 10:00 Europe/Berlin"; null when the zone is unknown.</summary>
    public static string? FormatInMeetingZone(DateTimeOffset instant, string? meetingZone)
    {
        var zone = FindZone(meetingZone);
        return zone is null ? null : $"{Format(instant, zone)} {meetingZone!.Trim()}";
    }

    public static string Duration(int minutes) => minutes <= 0 ? L["Times.NoSetLength"] : Span(TimeSpan.FromMinutes(minutes));

    /// <summary>Where a meeting stands relative to <paramref name="now"/>, the server's time.</summary>
    public static string Describe(ScheduledMeeting item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Phase switch
        {
            MeetingPhase.Live when item.Start is { } start && start <= now && item.End > now => L["Times.LiveStartedEnds", Relative(now - start), Relative(item.End.Value - now)],
            MeetingPhase.Live when item.Start is { } start && start <= now => L["Times.LiveStarted", Relative(now - start)],
            MeetingPhase.Live => L["Times.Live"],
            MeetingPhase.Upcoming when item.Start is { } start => L["Times.StartsIn", Relative(start - now)],
            MeetingPhase.Upcoming => L["Times.NoFixedTime"],
            _ when item.End is { } end => L["Times.EndedAgo", Relative(now - end)],
            _ => L["Times.Ended"],
        };
    }

    /// <summary>A length on its own ("3 days", German "3 Tage").</summary>
    public static string Span(TimeSpan span) => Span(span, relative: false);

    /// <summary>A length after "in"/"ago" (German needs the dative: "vor 3 Tagen"); English reads the same.</summary>
    public static string Relative(TimeSpan span) => Span(span, relative: true);

    private static string Span(TimeSpan span, bool relative)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return relative ? L["Times.LessThanAMinuteRelative"] : L["Times.LessThanAMinute"];
        }

        if (span < TimeSpan.FromHours(1))
        {
            return L["Times.Minutes", (int)span.TotalMinutes];
        }

        if (span < TimeSpan.FromDays(1))
        {
            var hours = (int)span.TotalHours;
            return span.Minutes == 0 ? L["Times.Hours", hours] : L["Times.HoursMinutes", hours, span.Minutes];
        }

        var days = (int)span.TotalDays;
        if (days == 1)
        {
            return relative ? L["Times.OneDayRelative"] : L["Times.OneDay"];
        }

        return relative ? L["Times.DaysRelative", days] : L["Times.Days", days];
    }
}
