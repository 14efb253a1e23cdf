using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Alerts;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Localisation;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Localisation;

/// <summary>
/// Issue 13's last English, walked by an admin whose browser asks for German: the join-error log's outcomes and
/// categories in words, an open incident on the health page in German (the webhook keeps English), and the trends page;
/// desktop and phone, light and dark, axe-clean, captured as <c>{page}-de-{scheme}-{width}.png</c>.
/// </summary>
[Collection(DevelopmentPortalTests.Name)]
public sealed class GermanAdminWalkTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Theory]
    [InlineData(ColorScheme.Light, 1280, 900)]
    [InlineData(ColorScheme.Dark, 1280, 900)]
    [InlineData(ColorScheme.Light, 412, 915)]
    [InlineData(ColorScheme.Dark, 412, 915)]
    public async Task A_german_admin_reads_the_join_error_log_in_words_and_an_open_incident_in_german(ColorScheme scheme, int width, int height)
    {
        var suffix = $"de-{scheme.ToString().ToLowerInvariant()}-{width}";
        var supportCode = "ZP-W" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SeedNotStartedAsync(supportCode);
        var incidents = portal.Server.Services.GetRequiredService<AlertIncidents>();
        // A rule of the test's own: the portal's evaluator (every minute) only resolves incidents of the rules it checks.
        var rule = new WalkRule();
        incidents.Fire(rule, new LocalisedText("Alerts.ClockOffset.Ahead", "7 min 12 s", "300 ms", "1 min"), DateTimeOffset.UtcNow);
        try
        {
            await browser.RunAsync(portal.BaseUrl, async page =>
            {
                await page.GotoAsync("/authentication/dev-signin?returnUrl=%2Fadmin%2Fjoin-errors");
                await page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync($"Wilma Walk {scheme} {width}");
                await page.GetByRole(AriaRole.Radio, new() { Name = "Admin", Exact = true }).CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/join-errors");
                await page.WaitUntilInteractiveAsync();

                var row = page.GetByRole(AriaRole.Table, new() { Name = "Beitrittsversuche, neueste zuerst" }).GetByRole(AriaRole.Row).Filter(new() { HasText = supportCode });
                await Expect(row).ToContainTextAsync("Meeting noch nicht begonnen");
                await Expect(row).ToContainTextAsync("Gescheitert");
                await Expect(row).ToContainTextAsync("Abgebrochen");
                await Expect(row).Not.ToContainTextAsync("NotStarted");
                await Expect(row).Not.ToContainTextAsync("Abandoned");
                await CaptureAndCheckAsync(page, $"join-errors-{suffix}");

                await page.GotoAsync("/admin/join-errors/trends");
                await page.WaitUntilInteractiveAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trends der Beitrittsfehler", Level = 1 })).ToBeVisibleAsync();
                await CaptureAndCheckAsync(page, $"join-error-trends-{suffix}");

                await page.GotoAsync("/admin/health");
                await page.WaitUntilInteractiveAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Offene Störungen", Level = 2 })).ToBeVisibleAsync();
                var incident = page.GetByTestId("incidents");
                await Expect(incident).ToContainTextAsync("Die Uhr dieses Servers geht falsch");
                await Expect(incident).ToContainTextAsync("Die Uhr dieses Servers geht gegenüber Zooms Uhr 7 min 12 s vor (± 300 ms; Alarm ab mehr als 1 min).");
                await Expect(incident).Not.ToContainTextAsync("clock is off");
                await CaptureAndCheckAsync(page, $"admin-health-incident-{suffix}");
            }, new BrowserNewContextOptions { Locale = "de-DE", ColorScheme = scheme, ViewportSize = new() { Width = width, Height = height } });
        }
        finally
        {
            incidents.Resolve(rule.Id);
        }
    }

    /// <summary>The clock-offset rule's title under an id the portal does not evaluate.</summary>
    private sealed class WalkRule : IAlertRule
    {
        public string Id => "e2e-german-walk";

        public LocalisedText Title => new("Alerts.ClockOffset.Title");

        public Task<AlertCheck> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(AlertCheck.Quiet);
    }

    private static async Task CaptureAndCheckAsync(IPage page, string name)
    {
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserFixture.CaptureAsync(page, name);
        await page.AssertNoSeriousViolationsAsync();
    }

    private async Task SeedNotStartedAsync(string supportCode)
    {
        var factory = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var started = DateTime.UtcNow.AddSeconds(-5);
        db.JoinAttempts.Add(new JoinAttempt
        {
            JoinId = Guid.NewGuid(),
            SupportCode = supportCode,
            AttemptNumber = 1,
            StartedAt = started,
            FinishedAt = started.AddSeconds(2),
            UserId = "dev-e2e-walk",
            MeetingId = 81234567890,
            Outcome = JoinAttemptOutcome.Failed,
            ErrorCode = 3008,
            ErrorMessage = "Meeting has not started",
            ErrorCategory = JoinErrorCategory.NotStarted,
            JoinOutcome = JoinAttemptOutcome.Abandoned,
            SdkVersion = "6.2.0",
            SdkView = "Component",
            Browser = "Chrome 131",
            OperatingSystem = "Linux",
        });
        await db.SaveChangesAsync();
    }
}
