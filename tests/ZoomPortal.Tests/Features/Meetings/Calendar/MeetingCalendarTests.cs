using Ical.Net.DataTypes;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Features.Meetings.Calendar;

namespace ZoomPortal.Tests.Features.Meetings.Calendar;

/// <summary>The .ics files are read back with Ical.Net, a maintained iCalendar library that shares no code with the writer.</summary>
public sealed class MeetingCalendarTests
{
    private static readonly Uri Page = new("https://portal.example.com/meetings/81234567890");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_weekly_Berlin_meeting_across_the_DST_change_is_a_weekly_rule_whose_occurrences_are_Zooms()
    {
        // 10:00 Berlin every Sunday from 15 March: 09:00Z before the change on 29 March, 08:00Z after it.
        var starts = Enumerable.Range(0, 5).Select(w => Berlin(new DateTime(2026, 3, 15, 10, 0, 0).AddDays(7 * w))).ToList();
        var meeting = MeetingData.Summary(81234567890, "Weekly sync", starts[0], timeZone: "Europe/Berlin",
            occurrences: [.. starts.Select((s, i) => new OccurrenceSummary($"o{i}", s, 45))]);

        var text = MeetingCalendar.Create(meeting, Page, "portal.example.com", Now)!;
        var calendar = Ical.Net.Calendar.Load(text)!;

        var e = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Berlin", e.Start!.TzId);
        Assert.Contains("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5", text, StringComparison.Ordinal);
        var occurrences = e.GetOccurrences(new CalDateTime(2026, 1, 1, 0, 0, 0, "UTC")).Select(o => o.Period.StartTime.AsUtc).ToList();
        Assert.Equal(starts.Select(s => s.UtcDateTime), occurrences);
        Assert.Equal(new DateTime(2026, 3, 29, 8, 0, 0, DateTimeKind.Utc), occurrences[2]);
        Assert.Equal("Europe/Berlin", Assert.Single(calendar.TimeZones).TzId);
        // The VTIMEZONE states the real changes (Ical.Net resolves the zone by its id, so the text is checked too).
        Assert.Contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n", text, StringComparison.Ordinal);
        Assert.Equal(Page, e.Url);
    }

    [Fact]
    public void Uneven_occurrences_are_listed_as_dates_and_nothing_else_is_invented()
    {
        var first = NewYork(new DateTime(2026, 4, 1, 9, 0, 0));
        var starts = new[] { first, first.AddDays(2), first.AddDays(9) };
        var meeting = MeetingData.Summary(5, "Mentoring 1:1", first, timeZone: "America/New_York",
            occurrences: [.. starts.Select((s, i) => new OccurrenceSummary($"o{i}", s, 30))]);

        var text = MeetingCalendar.Create(meeting, Page, "portal.example.com", Now)!;
        var e = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);

        Assert.DoesNotContain("RRULE", text, StringComparison.Ordinal);
        Assert.Equal(starts.Select(s => s.UtcDateTime), e.GetOccurrences(new CalDateTime(2026, 1, 1, 0, 0, 0, "UTC")).Select(o => o.Period.StartTime.AsUtc));
        Assert.Equal(TimeSpan.FromMinutes(30), e.Duration?.ToTimeSpanUnspecified());
    }

    [Fact]
    public void Topic_and_agenda_survive_escaping_and_folding_and_the_passcode_never_appears()
    {
        const string passcode = "S3cr3t-pc";
        var topic = "Q2 review; budget, risks \\ plans — Überblick 会議 " + new string('x', 80);
        var meeting = MeetingData.Summary(9, topic, new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero), agenda: "Line one\nLine two", timeZone: "UTC");

        var text = MeetingCalendar.Create(meeting, Page, "portal.example.com", Now)!;
        var e = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);

        Assert.Equal(topic, e.Summary);
        Assert.Equal("Line one\nLine two\n\nJoin from the portal: " + Page.AbsoluteUri, e.Description);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain(passcode, text, StringComparison.Ordinal);
        Assert.DoesNotContain("pwd=", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_recurring_meeting_without_a_fixed_time_has_no_calendar_entry()
    {
        var meeting = MeetingData.Summary(3, "Office hours", null);

        Assert.Null(MeetingCalendar.Create(meeting, Page, "portal.example.com", Now));
    }

    private static DateTimeOffset Berlin(DateTime local) => At(local, "Europe/Berlin");

    private static DateTimeOffset NewYork(DateTime local) => At(local, "America/New_York");

    private static DateTimeOffset At(DateTime local, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
