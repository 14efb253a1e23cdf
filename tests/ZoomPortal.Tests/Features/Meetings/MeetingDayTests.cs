using Bunit;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Meetings;

public sealed class MeetingDayTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly MeetingSchedule _schedule = new(new MeetingsOptions());

    [Fact]
    public void The_same_meetings_fall_on_different_days_for_viewers_in_Tokyo_and_New_York()
    {
        // 23:30Z on 1 December is 08:30 on 2 December in Tokyo and 18:30 on 1 December in New York.
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var evening = Item(1, new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero), now);
        var nextWeek = Item(2, new DateTimeOffset(2026, 12, 9, 15, 0, 0, TimeSpan.Zero), now);

        var tokyo = MeetingDay.Group([evening, nextWeek], Tokyo, now);
        var newYork = MeetingDay.Group([evening, nextWeek], NewYork, now);

        Assert.Equal(["Tomorrow", "Thursday 10 December"], tokyo.Select(d => d.Label));
        Assert.Equal(["Today", "Wednesday 9 December"], newYork.Select(d => d.Label));
    }

    [Fact]
    public void Across_the_spring_daylight_saving_change_a_day_is_the_local_calendar_day()
    {
        // Berlin skips 02:00–03:00 on Sunday 29 March 2026: 23:30Z on the 28th is 00:30 on the 29th (UTC+1), 22:30Z on
        // the 29th is 00:30 on the 30th (UTC+2). A fixed-offset conversion would put both on the same side of midnight.
        var now = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var afterMidnight = Item(1, new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), now);
        var nextNight = Item(2, new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero), now);
        var sundayEvening = Item(3, new DateTimeOffset(2026, 3, 29, 21, 30, 0, TimeSpan.Zero), now);

        var days = MeetingDay.Group([afterMidnight, sundayEvening, nextNight], Berlin, now);

        Assert.Equal(["Tomorrow", "Monday 30 March"], days.Select(d => d.Label));
        Assert.Equal(["1", "3"], days[0].Items.Select(i => i.Key));
    }

    [Fact]
    public void Past_days_read_yesterday_then_dates_with_the_year_when_it_differs()
    {
        var now = new DateTimeOffset(2027, 1, 2, 12, 0, 0, TimeSpan.Zero);
        var yesterday = Item(1, now.AddDays(-1), now);
        var lastYear = Item(2, new DateTimeOffset(2026, 12, 30, 12, 0, 0, TimeSpan.Zero), now);

        var days = MeetingDay.Group([yesterday, lastYear], TimeZoneInfo.Utc, now);

        Assert.Equal(["Yesterday", "Wednesday 30 December 2026"], days.Select(d => d.Label));
    }

    [Fact]
    public void A_recurring_meeting_is_listed_once_with_its_next_occurrence_and_how_many_more_this_week()
    {
        var now = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        var daily = MeetingData.Summary(7, "Standup", now.AddHours(3), timeZone: "Europe/Berlin",
            occurrences: [.. Enumerable.Range(-2, 12).Select(d => new OccurrenceSummary($"o{d}", now.AddHours(3).AddDays(d), 15))]);

        var view = _schedule.Arrange([daily], now);

        var next = Assert.Single(view.Upcoming);
        Assert.Equal("7-o0", next.Key);
        Assert.Equal(6, next.MoreThisWeek);
        Assert.Equal("7-o-1", Assert.Single(view.Past).Key);
    }

    [Fact]
    public async Task The_section_shows_day_headings_the_recurrence_and_the_meetings_own_zone()
    {
        var now = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        var daily = MeetingData.Summary(7, "Standup", now.AddHours(3), timeZone: "Europe/Berlin",
            occurrences: [.. Enumerable.Range(0, 4).Select(d => new OccurrenceSummary($"o{d}", now.AddHours(3).AddDays(d), 15))]);
        var review = MeetingData.Summary(8, "Review", now.AddDays(1).AddHours(2), timeZone: "America/New_York");
        var view = _schedule.Arrange([daily, review], now);
        await using var ctx = new PortalBunitContext();

        var section = ctx.Render<MeetingSection>(p => p
            .Add(s => s.Phase, MeetingPhase.Upcoming)
            .Add(s => s.Title, "Upcoming")
            .Add(s => s.Items, view.Upcoming)
            .Add(s => s.Viewer, ViewerTimeZone.FromBrowser("Asia/Tokyo"))
            .Add(s => s.Now, now));

        var days = section.FindAll("[data-testid=meeting-day]");
        Assert.Equal(["Today", "Tomorrow"], days.Select(d => d.QuerySelector("h3")!.TextContent.Trim()));
        Assert.Contains("Repeats, 3 more this week", days[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("meeting's time: Tue 1 Dec 2026, 10:00 Europe/Berlin", days[0].QuerySelector("[data-testid=meeting-zone]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(days[1].QuerySelectorAll("[data-testid=recurrence]"));
    }

    private ScheduledMeeting Item(long id, DateTimeOffset start, DateTimeOffset now) =>
        Assert.Single(_schedule.Expand(MeetingData.Summary(id, $"Meeting {id}", start), now));
}
