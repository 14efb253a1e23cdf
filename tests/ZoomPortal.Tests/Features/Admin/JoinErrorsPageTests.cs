using Bunit;
using MudBlazor;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Tests.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class JoinErrorsPageTests : IAsyncLifetime, IAsyncDisposable
{
    private PortalBunitContext _ctx = default!;
    private readonly Guid _skewJoin = Guid.NewGuid();
    private TestDatabase _database = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using (var db = _database.CreateDbContext())
        {
            db.JoinAttempts.AddRange(
                // Signed on a stale estimate; the re-measured offset (attempt 2's) explains Zoom's 3712.
                AttemptData.Failed(3712, _skewJoin, zoomOffsetMs: -200, joinOutcome: JoinAttemptOutcome.Succeeded, supportCode: "ZP-SKEW01"),
                AttemptData.Succeeded(_skewJoin, 2, AttemptData.Start.AddSeconds(6), supportCode: "ZP-SKEW01", zoomOffsetMs: -432_000),
                AttemptData.Failed(3004, supportCode: "ZP-PASS01", userId: "dev-bob", startedAt: AttemptData.Start.AddMinutes(1)));
            await db.SaveChangesAsync();
        }

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
    public void The_grid_lists_failed_attempts_newest_first()
    {
        var page = _ctx.Render<JoinErrorsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=join-attempt-row]").Count));
        var rows = page.FindAll("[data-testid=join-attempt-row]");
        Assert.Contains("ZP-PASS01", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("3004", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("ZP-SKEW01", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("1–2 of 2", page.Find("[data-testid=page-range]").TextContent.Trim());
        Assert.Equal("Join attempts, newest first", page.Find("[data-testid=join-attempts] table caption").TextContent);
    }

    [Theory]
    [InlineData("en-GB", "Failed", "Wrong or missing passcode", "Signature rejected (clock)", "Succeeded")]
    [InlineData("de-DE", "Gescheitert", "Kenncode falsch oder fehlend", "Signatur abgelehnt (Uhrzeit)", "Erfolgreich")]
    public void The_grid_says_outcomes_and_categories_in_words_not_code_names(string culture, string failed, string passcode, string signature, string succeeded)
    {
        using var scope = new CultureScope(culture);
        var page = _ctx.Render<JoinErrorsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=join-attempt-row]").Count));

        // Columns: started, support code, attempt, outcome, code, category, meeting, user, browser, after retries.
        var cells = page.FindAll("[data-testid=join-attempt-row]").Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal((failed, passcode, failed), (cells[0][3], cells[0][5], cells[0][9]));
        Assert.Equal((failed, signature, succeeded), (cells[1][3], cells[1][5], cells[1][9]));
        Assert.DoesNotContain(cells.SelectMany(c => c), text => text is "Passcode" or "Signature");

        page.Find("button[aria-label^='Details']").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=attempt-fields]")));
        var fields = page.FindAll("[data-testid=attempt-fields] td").Select(td => td.TextContent).ToList();
        Assert.Contains(passcode, fields);
        Assert.DoesNotContain("Passcode", fields);
    }

    [Fact]
    public void The_drawer_shows_every_field_and_the_other_attempts_of_the_join_with_the_diagnosis()
    {
        var page = _ctx.Render<JoinErrorsPage>();
        page.WaitForElement("[data-testid=join-attempt-row]");

        page.Find("button[aria-label='Details of attempt 1 of ZP-SKEW01']").Click();

        page.WaitForAssertion(() => Assert.Contains("7 min 12 s ahead of Zoom's", page.Find("[data-testid=diagnosis]").TextContent, StringComparison.Ordinal));
        Assert.Contains("attempt 2 succeeded", page.Find("[data-testid=diagnosis]").TextContent, StringComparison.Ordinal);
        var tables = page.FindAll("[data-testid=attempt-fields]");
        Assert.Equal(2, tables.Count);
        var fieldNames = tables[0].QuerySelectorAll("th").Select(th => th.TextContent).ToList();
        // Every recorded property of JoinAttempt has a row.
        Assert.Equal(typeof(JoinAttempt).GetProperties().Length, fieldNames.Count);
        Assert.Contains("-200", tables[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("-432000", tables[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Succeeded", tables[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("3400", tables[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_change_the_query_and_the_export_link()
    {
        var page = _ctx.Render<JoinErrorsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=join-attempt-row]").Count));

        var supportCode = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Support code");
        supportCode.Find("input").Change("zp-pass01");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=join-attempt-row]")));
        Assert.Contains("ZP-PASS01", page.Find("[data-testid=join-attempt-row]").TextContent, StringComparison.Ordinal);
        Assert.Contains("export.csv?supportCode=zp-pass01", page.Find("a[download]").GetAttribute("href"), StringComparison.Ordinal);

        page.FindComponents<MudSwitch<bool>>().Single().Find("input").Change(true);
        supportCode.Find("input").Change("ZP-SKEW01");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=join-attempt-row]").Count));
    }

    [Fact]
    public async Task Every_admin_page_shows_a_banner_when_zooms_clock_is_far_off()
    {
        await _ctx.Services.GetRequiredService<ZoomClock>().MeasureAsync(CancellationToken.None);

        var page = _ctx.Render<JoinErrorsPage>();

        Assert.Contains("ahead of Zoom's", page.Find("[data-testid=admin-health-banner]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(_ctx.Render<AdminPage>().FindAll("[data-testid=admin-health-banner]"));
        Assert.NotEmpty(_ctx.Render<AdminHealthPage>().FindAll("[data-testid=admin-health-banner]"));
        Assert.NotEmpty(_ctx.Render<JoinErrorTrendsPage>().FindAll("[data-testid=admin-health-banner]"));
    }

    [Fact]
    public void No_banner_while_the_clock_is_unmeasured_and_the_api_untouched()
    {
        var page = _ctx.Render<JoinErrorsPage>();

        Assert.Empty(page.FindAll("[data-testid=admin-health-banner]"));
    }

    [Fact]
    public void The_health_page_says_honestly_that_no_webhooks_arrive()
    {
        var page = _ctx.Render<AdminHealthPage>();

        Assert.Contains("No webhooks received yet", page.Find("[data-testid=webhooks]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Not measured yet", page.Find("[data-testid=clock-current]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Version served: 6.2.0", page.Find("[data-testid=sdk-version]").TextContent.Trim());
    }

    [Fact]
    public void Measure_now_measures_zooms_clock_and_lists_the_measurement()
    {
        var page = _ctx.Render<AdminHealthPage>();

        page.FindAll("button").Single(b => b.TextContent.Contains("Measure now", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("Measured from 1 response", page.Find("[data-testid=measure-result]").TextContent, StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=clock-history] tbody tr"));
    }
}
