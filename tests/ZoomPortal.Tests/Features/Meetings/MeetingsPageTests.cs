using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Meetings;

public sealed class MeetingsPageTests : IAsyncLifetime, IAsyncDisposable
{
    private PortalBunitContext _ctx = default!;
    // The server's clock deliberately differs from this machine's by 7 minutes: the page must count from the server's.
    private readonly FakeTimeProvider _time = new(TruncateToSeconds(DateTimeOffset.UtcNow.AddMinutes(7)));
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _ctx = new PortalBunitContext(services =>
        {
            services.AddSingleton<IDbContextFactory<PortalDbContext>>(_database);
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton(Options.Create(new MeetingsOptions()));
            services.AddSingleton<MeetingAccess>();
            services.AddSingleton<MeetingCatalogNotifier>();
            services.AddSingleton<MeetingCatalog>();
            services.AddSingleton<MeetingSchedule>();
        });
        _ctx.Authorization.SetAuthorized("Ann").SetRoles(PortalRoles.Attendee).SetClaims(new Claim(PortalClaimTypes.Email, "ann@example.com"));
        _ctx.JSInterop.SetupModule(BrowserTimeZone.ModulePath).Setup<string?>("timeZone").SetResult("America/New_York");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Countdown_and_join_window_follow_server_time_in_the_browser_time_zone()
    {
        var start = _time.GetUtcNow().AddMinutes(12);
        await _database.SeedAsync(MeetingData.Entity(81234567890, "Weekly sync", start.UtcDateTime));

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("Starts in 12 min", page.Find("[data-testid=countdown]").TextContent, StringComparison.Ordinal));
        Assert.Contains("America/New_York", page.Find("[data-testid=zone-note]").TextContent, StringComparison.Ordinal);
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Contains(MeetingTimes.Format(start, newYork), page.Find("[data-testid=meeting-card]").TextContent, StringComparison.Ordinal);
        Assert.True(JoinButton(page).HasAttribute("disabled"));

        _time.Advance(TimeSpan.FromMinutes(5));

        page.WaitForAssertion(() => Assert.Contains("Starts in 7 min", page.Find("[data-testid=countdown]").TextContent, StringComparison.Ordinal));
        Assert.False(JoinButton(page).HasAttribute("disabled"));
        Assert.Equal("/meetings/81234567890/join", JoinButton(page).GetAttribute("href"));
    }

    [Fact]
    public async Task Announces_a_meeting_that_goes_live_while_the_page_is_open()
    {
        await _database.SeedAsync(MeetingData.Entity(81234567890, "Weekly sync", _time.GetUtcNow().AddMinutes(1).UtcDateTime));
        var page = RenderPage();
        page.WaitForElement("[data-testid=meeting-card]");
        Assert.Equal(string.Empty, page.Find("[data-testid=announcer]").TextContent.Trim());

        _time.Advance(TimeSpan.FromMinutes(2));

        page.WaitForAssertion(() => Assert.Equal("Weekly sync is now live.", page.Find("[data-testid=announcer]").TextContent.Trim()));
        Assert.Equal("polite", page.Find("[data-testid=announcer]").GetAttribute("aria-live"));
    }

    [Fact]
    public void With_no_meetings_the_page_says_what_to_expect_and_what_to_do()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("Ask its host", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=no-match]"));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_has_its_own_empty_state_and_a_way_back()
    {
        await _database.SeedAsync(MeetingData.Entity(81234567890, "Weekly sync", _time.GetUtcNow().AddHours(3).UtcDateTime));
        var page = RenderPage();
        page.WaitForElement("[data-testid=meeting-card]");

        page.Find("div[role=search] input").Input("quarterly");

        page.WaitForAssertion(() => Assert.Contains("quarterly", page.Find("[data-testid=no-match]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
        Assert.Empty(page.FindAll("[data-testid=meeting-card]"));

        page.Find("[data-testid=no-match] button").Click();
        page.WaitForElement("[data-testid=meeting-card]");
    }

    [Fact]
    public async Task Search_finds_meetings_by_host()
    {
        await _database.SeedAsync(MeetingData.Entity(81234567890, "Weekly sync", _time.GetUtcNow().AddHours(3).UtcDateTime));
        var page = RenderPage();
        page.WaitForElement("[data-testid=meeting-card]");

        page.Find("div[role=search] input").Input("hana");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=meeting-card]")));
    }

    [Fact]
    public async Task Leaving_the_page_ends_its_catalog_subscription()
    {
        var page = RenderPage();
        page.WaitForElement("[data-testid=empty-state]");
        var notifier = _ctx.Services.GetRequiredService<MeetingCatalogNotifier>();
        Assert.Equal(1, notifier.SubscriberCount);

        await _ctx.DisposeComponentsAsync();

        Assert.Equal(0, notifier.SubscriberCount);
    }

    private IRenderedComponent<MeetingsPage> RenderPage()
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<MeetingsPage>();
    }

    private static AngleSharp.Dom.IElement JoinButton(IRenderedComponent<MeetingsPage> page) =>
        page.Find("[aria-label='Join Weekly sync']");

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
}
