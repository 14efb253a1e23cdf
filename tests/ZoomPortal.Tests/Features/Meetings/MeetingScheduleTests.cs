using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Tests.Features.Meetings;

public sealed class MeetingScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly MeetingSchedule _schedule = new(new MeetingsOptions());

    // 29 March 2026 is the last Sunday of March: Berlin moves from UTC+1 to UTC+2; New York has been on UTC-4 since 8 March.
    private static readonly DateTimeOffset BerlinTenOClockBeforeChange = new(2026, 3, 22, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset BerlinTenOClockAfterChange = new(2026, 3, 29, 10, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Weekly_Berlin_meeting_across_the_DST_change_shows_at_the_right_New_York_times()
    {
        var weekly = MeetingData.Summary(1, "Weekly sync", BerlinTenOClockBeforeChange, timeZone: "Europe/Berlin", occurrences:
        [
            new OccurrenceSummary("a", BerlinTenOClockBeforeChange, 60),
            new OccurrenceSummary("b", BerlinTenOClockAfterChange, 60),
        ]);

        var items = _schedule.Expand(weekly, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["Sun 22 Mar 2026, 05:00", "Sun 29 Mar 2026, 04:00"], items.Select(i => MeetingTimes.Format(i.Start!.Value, NewYork)));
        Assert.Equal("Sun 29 Mar 2026, 10:00 Europe/Berlin", MeetingTimes.FormatInMeetingZone(items[1].Start!.Value, "Europe/Berlin"));
    }

    [Fact]
    public void Sorts_live_by_start_upcoming_soonest_first_and_past_newest_first_across_zones()
    {
        // 04:30 in New York on 29 March is 08:30Z, half an hour after the Berlin 10:00 (08:00Z) occurrence.
        var newYorkStandup = MeetingData.Summary(2, "New York standup", new DateTimeOffset(2026, 3, 29, 4, 30, 0, TimeSpan.FromHours(-4)), timeZone: "America/New_York");
        var weekly = MeetingData.Summary(1, "Weekly sync", BerlinTenOClockBeforeChange, timeZone: "Europe/Berlin", occurrences:
        [
            new OccurrenceSummary("a", BerlinTenOClockBeforeChange, 60),
            new OccurrenceSummary("b", BerlinTenOClockAfterChange, 60),
            new OccurrenceSummary("c", BerlinTenOClockAfterChange.AddDays(7), 60),
        ]);
        var soon = MeetingData.Summary(3, "Planning", new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero));
        var later = MeetingData.Summary(4, "Retro", new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero));
        var yesterday = MeetingData.Summary(5, "Review", new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero));
        var monthAgo = MeetingData.Summary(6, "Old kickoff", new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        var now = new DateTimeOffset(2026, 3, 29, 8, 40, 0, TimeSpan.Zero);

        var view = _schedule.Arrange([later, yesterday, newYorkStandup, soon, weekly, monthAgo], now);

        Assert.Equal(["1-b", "2"], view.Live.Select(i => i.Key));
        Assert.Equal(["3", "4", "1-c"], view.Upcoming.Select(i => i.Key));
        Assert.Equal(["5", "1-a"], view.Past.Select(i => i.Key));
    }

    [Fact]
    public void A_started_meeting_is_live_before_its_scheduled_time()
    {
        var now = new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero);
        var early = MeetingData.Summary(1, "Started early", now.AddMinutes(30), started: true);

        var view = _schedule.Arrange([early], now);

        Assert.Equal("1", Assert.Single(view.Live).Key);
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(10, true)]
    [InlineData(0, true)]
    [InlineData(-59, true)]
    [InlineData(-60, false)]
    public void Join_opens_the_lead_time_before_the_start_and_closes_at_the_end(int minutesUntilStart, bool canJoin)
    {
        var now = new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero);
        var meeting = MeetingData.Summary(1, "Sync", now.AddMinutes(minutesUntilStart), durationMinutes: 60);

        var item = Assert.Single(_schedule.Expand(meeting, now));

        Assert.Equal(canJoin, item.CanJoin);
    }

    [Fact]
    public void Countdown_wording_follows_the_given_time()
    {
        var now = new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero);
        var upcoming = _schedule.Expand(MeetingData.Summary(1, "Sync", now.AddMinutes(12)), now)[0];
        var live = _schedule.Expand(MeetingData.Summary(2, "Sync", now.AddMinutes(-5), durationMinutes: 30), now)[0];

        Assert.Equal("Starts in 12 min", MeetingTimes.Describe(upcoming, now));
        Assert.Equal("Starts in 2 h 5 min", MeetingTimes.Describe(upcoming, now.AddMinutes(-113)));
        Assert.Equal("Live now, started 5 min ago, ends in 25 min", MeetingTimes.Describe(live, now));
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin", false)]
    [InlineData("Not/AZone", "UTC", true)]
    [InlineData(null, "UTC", true)]
    [InlineData("<script>", "UTC", true)]
    public void Browser_time_zone_is_used_only_when_it_is_a_known_IANA_zone(string? browserValue, string expectedName, bool fallback)
    {
        var viewer = ViewerTimeZone.FromBrowser(browserValue);

        Assert.Equal(expectedName, viewer.Name);
        Assert.Equal(fallback, viewer.IsFallback);
    }
}
