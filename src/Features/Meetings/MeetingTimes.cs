using System.Globalization;

namespace ZoomPortal.Features.Meetings;

/// <summary>Time zone lookup and the wording of times, durations and countdowns.</summary>
public static class MeetingTimes
{
    private const int MaxZoneIdLength = 64;

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
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant in the meeting's own zone, e.g. "Sun 29 Mar 2026, 10:00 Europe/Berlin"; null when the zone is unknown.</summary>
    public static string? FormatInMeetingZone(DateTimeOffset instant, string? meetingZone)
    {
        var zone = FindZone(meetingZone);
        return zone is null ? null : $"{Format(instant, zone)} {meetingZone!.Trim()}";
    }

    public static string Duration(int minutes) => minutes <= 0 ? "no set length" : Span(TimeSpan.FromMinutes(minutes));

    /// <summary>Where a meeting stands relative to <paramref name="now"/>, the server's time.</summary>
    public static string Describe(ScheduledMeeting item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Phase switch
        {
            MeetingPhase.Live when item.Start is { } start && start <= now && item.End > now => $"Live now, started {Span(now - start)} ago, ends in {Span(item.End.Value - now)}",
            MeetingPhase.Live when item.Start is { } start && start <= now => $"Live now, started {Span(now - start)} ago",
            MeetingPhase.Live => "Live now",
            MeetingPhase.Upcoming when item.Start is { } start => $"Starts in {Span(start - now)}",
            MeetingPhase.Upcoming => "No fixed time: join whenever the host starts it",
            _ when item.End is { } end => $"Ended {Span(now - end)} ago",
            _ => "Ended",
        };
    }

    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "less than a minute";
        }

        if (span < TimeSpan.FromHours(1))
        {
            return $"{(int)span.TotalMinutes} min";
        }

        if (span < TimeSpan.FromDays(1))
        {
            var hours = (int)span.TotalHours;
            return span.Minutes == 0 ? $"{hours} h" : $"{hours} h {span.Minutes} min";
        }

        var days = (int)span.TotalDays;
        return days == 1 ? "1 day" : $"{days} days";
    }
}
