using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZoomPortal.Data;
using ZoomPortal.E2E.Infrastructure;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using static Microsoft.Playwright.Assertions;

namespace ZoomPortal.E2E.Features.Admin;

[Collection(DevelopmentPortalTests.Name)]
public sealed class JoinErrorLogTests(BrowserFixture browser, DevelopmentPortalFixture portal)
{
    [Fact]
    public async Task An_admin_finds_a_skew_failure_reads_its_diagnosis_and_exports_both_failures()
    {
        var suffix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var skewCode = "ZP-S" + suffix;
        var passcodeCode = "ZP-P" + suffix;
        await SeedAsync(skewCode, passcodeCode);

        await browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Ada Admin", "Admin");
            await page.GotoAsync("/admin/join-errors");
            await page.WaitUntilInteractiveAsync();

            var grid = page.GetByRole(AriaRole.Table, new() { Name = "Join attempts, newest first" });
            await Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = skewCode })).ToHaveCountAsync(1);
            await Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = passcodeCode })).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = $"Details of attempt 1 of {skewCode}" }).ClickAsync();
            var diagnosis = page.GetByTestId("diagnosis");
            await Expect(diagnosis).ToContainTextAsync("this server's clock was 7 min 12 s ahead of Zoom's");
            await Expect(diagnosis).ToContainTextAsync("attempt 2 succeeded");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attempt 2", Exact = true })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
            var csv = await File.ReadAllLinesAsync(await download.PathAsync());

            Assert.StartsWith("Id,JoinId,SupportCode", csv[0], StringComparison.Ordinal);
            var skewRow = Assert.Single(csv, line => line.Contains(skewCode, StringComparison.Ordinal));
            Assert.Contains(",3712,Signature,", skewRow, StringComparison.Ordinal);
            Assert.Contains(",-200,", skewRow, StringComparison.Ordinal);
            var passcodeRow = Assert.Single(csv, line => line.Contains(passcodeCode, StringComparison.Ordinal));
            Assert.Contains(",3004,Passcode,", passcodeRow, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("/admin/join-errors")]
    [InlineData("/admin/join-errors/trends")]
    [InlineData("/admin/health")]
    public Task Admin_pages_have_no_serious_accessibility_violations(string path) =>
        browser.RunAsync(portal.BaseUrl, async page =>
        {
            await DevelopmentSignInFlow.SignInAsync(page, "Ada Admin", "Admin");
            await page.GotoAsync(path);
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

            await page.AssertNoSeriousViolationsAsync();
        });

    private async Task SeedAsync(string skewCode, string passcodeCode)
    {
        var factory = portal.Server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var join = Guid.NewGuid();
        db.JoinAttempts.AddRange(
            // Signed on a stale estimate (the clocks agreed when last measured); the server re-measured after Zoom's 3712,
            // so the successful retry carries the offset that explains it.
            Attempt(join, skewCode, 1, now.AddSeconds(-20), JoinAttemptOutcome.Failed, 3712, JoinAttemptOutcome.Succeeded, zoomOffsetMs: -200),
            Attempt(join, skewCode, 2, now.AddSeconds(-14), JoinAttemptOutcome.Succeeded, null, JoinAttemptOutcome.Succeeded, zoomOffsetMs: -432_000),
            Attempt(Guid.NewGuid(), passcodeCode, 1, now.AddSeconds(-10), JoinAttemptOutcome.Failed, 3004, JoinAttemptOutcome.Failed, zoomOffsetMs: 0));
        await db.SaveChangesAsync();
    }

    private static JoinAttempt Attempt(Guid join, string supportCode, int number, DateTime started, JoinAttemptOutcome outcome, int? code,
        JoinAttemptOutcome joinOutcome, long zoomOffsetMs) => new()
    {
        JoinId = join,
        SupportCode = supportCode,
        AttemptNumber = number,
        StartedAt = started,
        FinishedAt = started.AddSeconds(2),
        UserId = "dev-e2e-attendee",
        MeetingId = 81234567890,
        Outcome = outcome,
        ErrorCode = code,
        ErrorMessage = code is null ? null : "Zoom said no",
        ErrorCategory = code is { } c ? JoinErrorCatalog.Classify(c, null).Category : JoinErrorCategory.None,
        JoinOutcome = joinOutcome,
        SdkVersion = "6.2.0",
        SdkView = "Component",
        Browser = "Chrome 131",
        OperatingSystem = "Linux",
        ZoomClockOffsetMs = zoomOffsetMs,
        ZoomClockUncertaintyMs = 300,
        SignatureIssuedAt = started.AddSeconds(-30),
        SignatureExpiresAt = started.AddHours(2),
        TimeToJoinMs = outcome == JoinAttemptOutcome.Succeeded ? 4100 : null,
    };
}
