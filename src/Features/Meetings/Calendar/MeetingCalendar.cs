using System.Globalization;
using System.Text;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Meetings.Calendar;

/// <summary>
/// A meeting as an iCalendar file (RFC 5545) that calendar apps import: one event in the meeting's own time zone,
/// with a VTIMEZONE built from the zone's real transitions, a recurrence rule when the occurrences repeat evenly
/// (else their dates), and the portal's meeting page as the link. Never the passcode: a calendar file is forwarded.
/// </summary>
public static class MeetingCalendar
{
    private static StaticText L => StaticText.Instance;

    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Null when the meeting has no time to put in a calendar (a recurring meeting with no fixed time).</summary>
    public static string? Create(MeetingSummary meeting, Uri meetingPage, string uidDomain, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(meetingPage);
        var starts = meeting.Occurrences.Count > 0
            ? meeting.Occurrences.OrderBy(o => o.Start).Select(o => o.Start).ToList()
            : meeting.Start is { } single ? [single] : [];
        if (starts.Count == 0)
        {
            return null;
        }

        var duration = meeting.Occurrences.Count > 0 ? meeting.Occurrences[0].DurationMinutes : meeting.DurationMinutes;
        var zone = MeetingTimes.FindZone(meeting.TimeZone);
        var zoneId = zone is null ? null : meeting.TimeZone!.Trim();
        var text = new IcsWriter();
        text.Line("BEGIN:VCALENDAR");
        text.Line("VERSION:2.0");
        text.Line("PRODID:-//ZoomPortal//Meetings//EN");
        text.Line("CALSCALE:GREGORIAN");
        text.Line("METHOD:PUBLISH");
        if (zone is not null)
        {
            WriteTimeZone(text, zone, zoneId!, starts[0], starts[^1]);
        }

        text.Line("BEGIN:VEVENT");
        text.Line($"UID:zoom-meeting-{meeting.Id.ToString(CultureInfo.InvariantCulture)}@{uidDomain}");
        text.Line($"DTSTAMP:{Utc(now)}");
        text.Line(zone is null ? $"DTSTART:{Utc(starts[0])}" : $"DTSTART;TZID={zoneId}:{Local(starts[0], zone)}");
        text.Line($"DURATION:PT{Math.Max(duration, 0).ToString(CultureInfo.InvariantCulture)}M");
        if (starts.Count > 1)
        {
            text.Line(zone is null
                ? $"RDATE:{string.Join(',', starts.Skip(1).Select(Utc))}"
                : RecurrenceRule(starts, zone) ?? $"RDATE;TZID={zoneId}:{string.Join(',', starts.Skip(1).Select(s => Local(s, zone)))}");
        }

        text.Text("SUMMARY", meeting.Topic);
        var description = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(meeting.Agenda))
        {
            description.Append(meeting.Agenda.Trim()).Append("\n\n");
        }

        description.Append(L["Share.JoinFromPortal", meetingPage.AbsoluteUri]);
        text.Text("DESCRIPTION", description.ToString());
        text.Text("LOCATION", "ZoomPortal");
        text.Line($"URL:{meetingPage.AbsoluteUri}");
        if (!string.IsNullOrWhiteSpace(meeting.HostName))
        {
            text.Line($"ORGANIZER;CN={ParameterValue(meeting.HostName)}:mailto:{(meeting.HostEmail is { Length: > 0 } email ? email : "noreply@" + uidDomain)}");
        }

        text.Line("END:VEVENT");
        text.Line("END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>
    /// FREQ=DAILY or WEEKLY with COUNT when every occurrence is the same local time a whole number of days after the
    /// previous one, counted in the meeting's zone (so a daylight-saving change in between keeps 10:00 at 10:00).
    /// </summary>
    internal static string? RecurrenceRule(IReadOnlyList<DateTimeOffset> starts, TimeZoneInfo zone)
    {
        var local = starts.Select(s => TimeZoneInfo.ConvertTime(s, zone).DateTime).ToList();
        var step = local[1] - local[0];
        if (step.Ticks <= 0 || step.Ticks % TimeSpan.TicksPerDay != 0)
        {
            return null;
        }

        for (var i = 2; i < local.Count; i++)
        {
            if (local[i] - local[i - 1] != step)
            {
                return null;
            }
        }

        var days = (int)step.TotalDays;
        var count = local.Count.ToString(CultureInfo.InvariantCulture);
        return days % 7 == 0
            ? $"RRULE:FREQ=WEEKLY;INTERVAL={(days / 7).ToString(CultureInfo.InvariantCulture)};COUNT={count}"
            : $"RRULE:FREQ=DAILY;INTERVAL={days.ToString(CultureInfo.InvariantCulture)};COUNT={count}";
    }

    // Each offset change between a year before the first occurrence and a year after the last, as its own observance:
    // exact for any zone, with no guessing of the zone's rules.
    private static void WriteTimeZone(IcsWriter text, TimeZoneInfo zone, string zoneId, DateTimeOffset first, DateTimeOffset last)
    {
        text.Line("BEGIN:VTIMEZONE");
        text.Line($"TZID:{zoneId}");
        var from = first.AddYears(-1);
        var to = last.AddYears(1);
        var offset = zone.GetUtcOffset(from);
        Observance(text, zone, "19700101T000000", offset, offset);
        for (var day = from; day < to; day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset == offset)
            {
                continue;
            }

            // The change lies within this day: find its minute.
            var low = day;
            var high = next;
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + ((high - low) / 2);
                if (zone.GetUtcOffset(middle) == offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            var instant = new DateTimeOffset(high.UtcDateTime.Ticks - (high.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            var localBefore = instant.ToOffset(offset).DateTime;
            Observance(text, zone, localBefore.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), offset, nextOffset);
            offset = nextOffset;
        }

        text.Line("END:VTIMEZONE");
    }

    private static void Observance(IcsWriter text, TimeZoneInfo zone, string localStart, TimeSpan from, TimeSpan to)
    {
        var kind = to > zone.BaseUtcOffset ? "DAYLIGHT" : "STANDARD";
        text.Line($"BEGIN:{kind}");
        text.Line($"DTSTART:{localStart}");
        text.Line($"TZOFFSETFROM:{Offset(from)}");
        text.Line($"TZOFFSETTO:{Offset(to)}");
        text.Line($"END:{kind}");
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    // A parameter value may not hold quotes or control characters; it is quoted because a name may hold , ; :
    private static string ParameterValue(string value) =>
        "\"" + new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray()) + "\"";
}
