using System.Globalization;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Tests.Features.Meetings;

/// <summary>The C# helpers' wording in German: shared resources through StaticText, dates in the user's culture.</summary>
public sealed class MeetingTimesGermanTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly MeetingSchedule _schedule = new(new MeetingsOptions());

    [Fact]
    public void Times_durations_countdowns_and_day_headings_are_german_for_a_german_user()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            // Tuesday 1 December 2026, 13:00 in Berlin.
            var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
            var today = Item(1, now.AddHours(3), now);
            var tomorrow = Item(2, now.AddHours(22), now);
            var nextWeek = Item(3, new DateTimeOffset(2026, 12, 9, 15, 0, 0, TimeSpan.Zero), now);

            Assert.Equal("Di, 1. Dez. 2026, 13:00", MeetingTimes.Format(now, Berlin));
            Assert.Equal("2 Std. 30 Min.", MeetingTimes.Duration(150));
            Assert.Equal("ohne feste Dauer", MeetingTimes.Duration(0));
            Assert.Equal("3 Tage", MeetingTimes.Span(TimeSpan.FromDays(3)));
            Assert.Equal("Beginnt in 3 Std.", MeetingTimes.Describe(today, now));
            Assert.Equal("Beginnt in 7 Tagen", MeetingTimes.Describe(Item(4, now.AddDays(7), now), now));
            Assert.Equal(["Heute", "Morgen", "Mittwoch, 9. Dezember"], MeetingDay.Group([today, tomorrow, nextWeek], Berlin, now).Select(d => d.Label));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private ScheduledMeeting Item(long id, DateTimeOffset start, DateTimeOffset now) =>
        Assert.Single(_schedule.Expand(MeetingData.Summary(id, $"Meeting {id}", start), now));
}
