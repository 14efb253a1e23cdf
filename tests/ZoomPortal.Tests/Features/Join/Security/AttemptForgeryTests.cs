using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Join.Security;

/// <summary>
/// A hostile signed-in page calls the join page's [JSInvokable] methods itself: forged and flooded attempt reports
/// leave at most Join:MaxAttempts rows, a final outcome stays final, and stored messages carry no bidi or control
/// characters.
/// </summary>
public sealed class AttemptForgeryTests
{
    private const string ChromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    [Fact]
    public async Task Forged_and_flooded_reports_leave_at_most_max_attempts_rows_and_a_final_outcome_unchanged()
    {
        var options = new JoinOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxAttempts = 3 };
        await using var harness = await JoinHarness.CreateAsync(options);
        var (ctx, module) = Context(harness, options);
        await using var _ = ctx;
        var (page, joinId) = await StartJoinAsync(ctx, module);

        // The real first attempt gets in.
        Assert.NotNull(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 1, false)));
        Assert.Equal("InMeeting", (await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, 1, null, null, "6.2.0", "Component", 2_000))).Action);

        // Then the page floods: a success rewritten to failure, attempts never signed, made-up codes, HTML with a
        // right-to-left override, and "in the meeting after 4 hours".
        for (var i = 0; i < 300; i++)
        {
            var attempt = 1 + (i % 200);
            await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, attempt, 3712 + i, "<b>\u202Eevil</b>", "6.2.0", "Component", null));
            await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, attempt, null, null, "6.2.0", "Component", 14_400_000));
        }

        Assert.Null(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 2, false)));
        await using var db = harness.Database.CreateDbContext();
        var rows = await db.JoinAttempts.Where(a => a.JoinId == Guid.Parse(joinId)).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal((JoinAttemptOutcome.Succeeded, (JoinAttemptOutcome?)JoinAttemptOutcome.Succeeded, (int?)2_000), (row.Outcome, row.JoinOutcome, row.TimeToJoinMs));
        Assert.Null(row.ErrorMessage);
        // 600 refused reports, but the log gets the per-join allowance of warning lines only (plus the refused signature).
        var warnings = harness.Logs.GetSnapshot().Count(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains(joinId, StringComparison.OrdinalIgnoreCase));
        Assert.InRange(warnings, 1, 11);
    }

    [Fact]
    public async Task A_failing_join_records_at_most_max_attempts_with_unknown_codes_and_clean_messages()
    {
        var options = new JoinOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxAttempts = 3 };
        await using var harness = await JoinHarness.CreateAsync(options);
        var (ctx, module) = Context(harness, options);
        await using var _ = ctx;
        var (page, joinId) = await StartJoinAsync(ctx, module);

        for (var attempt = 1; attempt <= 50; attempt++)
        {
            var number = attempt;
            await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, number, false));
            await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, number, 3712, "Signature\u202E is\u200B invalid\u0007 " + new string('x', 600), "6.2.0", "Component", null));
            await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, number, 987_654, "<img src=x onerror=alert(1)>", "6.2.0", "Component", null));
        }

        await using var db = harness.Database.CreateDbContext();
        var rows = await db.JoinAttempts.Where(a => a.JoinId == Guid.Parse(joinId)).OrderBy(a => a.AttemptNumber).ToListAsync();
        Assert.Equal([1, 2, 3], rows.Select(r => r.AttemptNumber));
        Assert.All(rows, r => Assert.Equal((JoinAttemptOutcome.Failed, (JoinAttemptOutcome?)JoinAttemptOutcome.Failed, (int?)3712), (r.Outcome, r.JoinOutcome, r.ErrorCode)));
        Assert.All(rows, r => Assert.StartsWith("Signature is invalid ", r.ErrorMessage, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(r.ErrorMessage!, c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format));
        Assert.Equal(3, await db.SignatureIssuances.CountAsync(s => s.JoinId == Guid.Parse(joinId)));
    }

    private static (PortalBunitContext Context, BunitJSModuleInterop Module) Context(JoinHarness harness, JoinOptions options)
    {
        var ctx = new PortalBunitContext(services =>
        {
            services.AddSingleton(harness.Service);
            services.AddSingleton(harness.Recorder);
            services.AddSingleton(Options.Create(options));
            services.AddSingleton<TimeProvider>(harness.Time);
            services.AddSingleton(new ZoomSdkAssets(Options.Create(new ZoomSdkOptions { Version = "6.2.0", UseStandIn = true })));
            harness.AddMeetingServices(services);
        });
        ctx.Authorization.SetAuthorized("Ada Attendee")
            .SetClaims(new Claim(PortalClaimTypes.UserId, "user-ada"), new Claim(PortalClaimTypes.Email, "ada@example.com"));
        var module = ctx.JSInterop.SetupModule("./src/Features/Join/JoinMeetingPage.razor.js");
        module.Setup<BrowserChecks>("checkBrowser").SetResult(new BrowserChecks(true, true, ChromeOnLinux));
        module.Setup<long>("now").SetResult(harness.Time.GetUtcNow().ToUnixTimeMilliseconds());
        module.SetupVoid("preload").SetVoidResult();
        return (ctx, module);
    }

    private static async Task<(IRenderedComponent<JoinMeetingPage> Page, string JoinId)> StartJoinAsync(PortalBunitContext ctx, BunitJSModuleInterop module)
    {
        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));
        page.WaitForAssertion(() => Assert.False(page.Find("button[type=submit]").HasAttribute("disabled")));
        await page.Find("form").SubmitAsync();
        var sent = Assert.IsType<JoinModuleOptions>(module.VerifyInvoke("join").Arguments[2]);
        return (page, sent.JoinId);
    }
}
