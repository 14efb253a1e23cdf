using System.Globalization;
using Bunit;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Tests.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Admin;

/// <summary>The health page's clock chart and the trends page's chart, read as an administrator reads them.</summary>
public sealed class AdminChartsTests : IAsyncLifetime, IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private PortalBunitContext _ctx = default!;
    private TestDatabase _database = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _ctx = new PortalBunitContext(services => AdminPageServices.Add(services, _database, TimeSpan.FromMinutes(-7)));
        _ctx.Authorization.SetAuthorized("Ada").SetRoles(PortalRoles.Admin);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void One_measurement_is_drawn_as_a_step_with_its_band()
    {
        var chart = _ctx.Render<ClockChart>(p => p
            .Add(c => c.History, [new ZoomClockEstimate(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), T0, 3)])
            .Add(c => c.Now, T0));

        var path = chart.Find("[data-testid=clock-chart-step]").GetAttribute("d")!;
        Assert.Matches(@"^M [\d.]+ [\d.]+ V [\d.]+ H [\d.]+$", path);
        var band = Assert.Single(chart.FindAll("[data-testid=clock-chart-band]"));
        Assert.True(Number(band, "height") > 0);
        Assert.True(Number(band, "width") > 0);
    }

    [Fact]
    public void A_jump_is_drawn_as_a_vertical_step_and_each_band_spans_the_lower_to_the_upper_bound()
    {
        var chart = _ctx.Render<ClockChart>(p => p
            .Add(c => c.History,
            [
                new ZoomClockEstimate(TimeSpan.FromSeconds(-420), TimeSpan.FromSeconds(20), T0, 3),
                new ZoomClockEstimate(TimeSpan.Zero, TimeSpan.FromSeconds(40), T0.AddMinutes(6), 3),
            ])
            .Add(c => c.Now, T0.AddMinutes(12)));

        var path = chart.Find("[data-testid=clock-chart-step]").GetAttribute("d")!;
        // Only horizontal and vertical moves: no slope between two measurements.
        Assert.DoesNotMatch("[LCSQTA]", path);
        var moves = path.Split(' ');
        var firstEnd = double.Parse(moves[Array.IndexOf(moves, "H") + 1], CultureInfo.InvariantCulture);
        var bands = chart.FindAll("[data-testid=clock-chart-band]");
        Assert.Equal(2, bands.Count);
        Assert.Equal(Number(bands[1], "x"), firstEnd, 1);
        // The band is the uncertainty (±20 s vs ±40 s): the second is twice as tall as the first.
        Assert.Equal(2 * Number(bands[0], "height"), Number(bands[1], "height"), 0);
        // Both bounds are on the axis: ticks run from below −440 s to above +40 s.
        var ticks = chart.FindAll("[data-testid=clock-chart-y-tick]").Select(t => double.Parse(t.TextContent, CultureInfo.CurrentCulture)).ToList();
        Assert.True(ticks.Min() <= -440 && ticks.Max() >= 40, string.Join(", ", ticks));
    }

    [Fact]
    public void Chart_and_table_use_seconds()
    {
        var estimate = new ZoomClockEstimate(TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(45), T0, 3);

        var history = _ctx.Render<ClockHistory>(p => p.Add(c => c.History, [estimate]).Add(c => c.Now, T0.AddMinutes(1)));

        Assert.Equal("Offset (s)", history.Find("[data-testid=clock-chart-y-title]").TextContent);
        var headers = history.FindAll("[data-testid=clock-history] th").Select(th => th.TextContent).ToList();
        Assert.Contains("Offset, Zoom − server (s)", headers);
        Assert.Contains("± (s)", headers);
        var cells = history.FindAll("[data-testid=clock-history] tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal("1.500", cells[1]);
        Assert.Equal("0.045", cells[2]);
    }

    [Fact]
    public void Measure_now_updates_the_offset_the_banner_and_the_last_successful_call_at_once()
    {
        var page = _ctx.Render<AdminHealthPage>();
        Assert.Empty(page.FindAll("[data-testid=admin-health-banner]"));
        Assert.Equal("Never", LastSuccessfulCall(page));

        page.FindAll("button").Single(b => b.TextContent.Contains("Measure now", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("ahead of Zoom's", page.Find("[data-testid=admin-health-banner]").TextContent, StringComparison.Ordinal));
        Assert.Contains("ahead of Zoom's", page.Find("[data-testid=clock-current]").TextContent, StringComparison.Ordinal);
        Assert.NotEqual("Never", LastSuccessfulCall(page));
        Assert.Single(page.FindAll("[data-testid=clock-chart-band]"));
    }

    [Fact]
    public async Task A_measurement_made_elsewhere_updates_an_open_banner_without_waiting()
    {
        var page = _ctx.Render<JoinErrorTrendsPage>();
        Assert.Empty(page.FindAll("[data-testid=admin-health-banner]"));

        // As the scheduled refresh or a join's re-measurement does, on another thread.
        await Task.Run(() => _ctx.Services.GetRequiredService<ZoomClock>().MeasureAsync(CancellationToken.None));

        page.WaitForAssertion(() => Assert.Contains("ahead of Zoom's", page.Find("[data-testid=admin-health-banner]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trends_label_the_y_axis_in_whole_failures_name_categories_in_words_and_meetings_by_topic()
    {
        var now = DateTime.UtcNow;
        await using (var db = _database.CreateDbContext())
        {
            var meeting = MeetingData.Entity(81234567890, "Quarterly planning", now.AddDays(1));
            db.Meetings.Add(meeting);
            for (var i = 0; i < 4; i++)
            {
                db.JoinAttempts.Add(AttemptData.Failed(3008, startedAt: now.AddMinutes(-30 - i)));
            }

            db.JoinAttempts.Add(AttemptData.Failed(3004, startedAt: now.AddMinutes(-40)));
            db.JoinAttempts.Add(AttemptData.Failed(3712, startedAt: now.AddMinutes(-41), meetingId: 999));
            await db.SaveChangesAsync();
        }

        var page = _ctx.Render<JoinErrorTrendsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("figure svg")));
        var chartText = page.FindAll("figure svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("Failed attempts", chartText);
        // Six failures in one period: a tick for each whole failure, none with decimals.
        foreach (var tick in new[] { "0", "1", "2", "3", "4", "5", "6" })
        {
            Assert.Contains(tick, chartText);
        }

        Assert.DoesNotContain("20", chartText);
        var table = page.Find("[aria-label='Failures by period and category']").TextContent;
        Assert.Contains("Meeting not started yet", table, StringComparison.Ordinal);
        Assert.DoesNotContain("NotStarted", table, StringComparison.Ordinal);
        Assert.Contains("Meeting not started yet", page.Find("figure").TextContent, StringComparison.Ordinal);
        var top = page.Find("[aria-label='Top meetings by failures']").TextContent;
        Assert.Contains("Quarterly planning", top, StringComparison.Ordinal);
        Assert.Contains("999", top, StringComparison.Ordinal);
    }

    private static double Number(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    private static string LastSuccessfulCall(IRenderedComponent<AdminHealthPage> page) =>
        page.FindAll("th").Single(th => th.TextContent == "Last successful call").NextElementSibling!.TextContent;
}
