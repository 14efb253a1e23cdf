using Bunit;
using Microsoft.EntityFrameworkCore;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Tests.Features.Meetings;

namespace ZoomPortal.Tests.Features.Join;

/// <summary>The join page's honest states: ended, not yet open, waiting or retrying with Cancel, and the passcode prompt.</summary>
public sealed class JoinStatesPageTests
{
    private const long LaterMeetingId = JoinHarness.MeetingId + 7;

    [Fact]
    public async Task An_ended_meeting_says_when_it_ended_and_offers_no_join()
    {
        await using var harness = await JoinHarness.CreateAsync();
        // The harness meeting ran 09:00-10:00 UTC; a day later it is over.
        harness.Time.Advance(TimeSpan.FromHours(25));
        await using var ctx = harness.PageContext(new JoinOptions());
        var module = harness.SetupModule(ctx);

        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));

        var ended = page.Find("[data-testid=join-ended]");
        Assert.Contains("This meeting has ended: it ended Mon 4 May 2026, 10:00 (UTC), 1 day ago.", ended.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form"));
        Assert.Empty(page.FindAll("button"));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == JoinRoutes.Meeting(JoinHarness.MeetingId));
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/meetings");
        Assert.Empty(module.Invocations);
    }

    [Fact]
    public async Task A_meeting_not_yet_open_says_when_joining_opens_and_enables_join_then_by_the_servers_clock()
    {
        await using var harness = await JoinHarness.CreateAsync();
        // Starts 09:30 UTC; with Meetings:JoinLeadTime of 10 min joining opens at 09:20, 20 min from now.
        await harness.Database.SeedAsync(MeetingData.Entity(LaterMeetingId, "Design review", new DateTime(2026, 5, 4, 9, 30, 0, DateTimeKind.Utc)));
        await using var ctx = harness.PageContext(new JoinOptions());
        harness.SetupModule(ctx);

        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, LaterMeetingId));

        var notice = page.Find("[data-testid=join-window]");
        Assert.Equal("polite", notice.GetAttribute("aria-live"));
        page.WaitForAssertion(() => Assert.Contains("Joining opens Mon 4 May 2026, 09:20 (UTC), in 20 min.", page.Find("[data-testid=join-window]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input")));
        Assert.True(page.Find("button[type=submit]").HasAttribute("disabled"));

        harness.Time.Advance(TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
        Assert.True(page.Find("button[type=submit]").HasAttribute("disabled"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.False(page.Find("button[type=submit]").HasAttribute("disabled")));
        Assert.Contains("Joining is open now.", page.Find("[data-testid=join-window]").TextContent, StringComparison.Ordinal);
        Assert.Equal(JoinStep.Ready, page.Instance.Step);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the click arrives just after the wait's re-check began attempt 2
    public async Task Cancel_while_waiting_for_the_host_stops_the_module_records_abandoned_and_returns_to_the_meeting(bool recheckStarted)
    {
        var options = new JoinOptions { WaitForHostInterval = TimeSpan.FromSeconds(15) };
        await using var harness = await JoinHarness.CreateAsync(options);
        await using var ctx = harness.PageContext(options);
        var module = harness.SetupModule(ctx);
        var handle = module.SetupModule("join", _ => true);
        handle.SetupVoid("dispose").SetVoidResult();
        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));
        page.WaitForAssertion(() => Assert.False(page.Find("button[type=submit]").HasAttribute("disabled")));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Cancel");
        await page.Find("form").SubmitAsync();
        var joinId = Assert.IsType<JoinModuleOptions>(module.VerifyInvoke("join").Arguments[2]).JoinId;
        Assert.NotNull(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 1, false)));
        var next = await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, 1, 3008, "Meeting has not started.", "6.2.0", "Component", null));
        Assert.Equal("WaitForHost", next.Action);

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Cancel"));
        if (recheckStarted)
        {
            await page.InvokeAsync(() => page.Instance.ReportProgress(joinId, nameof(JoinStep.GettingSignature), 0));
            Assert.Equal(JoinStep.GettingSignature, page.Instance.Step);
        }

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync();

        handle.VerifyInvoke("dispose");
        Assert.Equal(JoinStep.Cancelled, page.Instance.Step);
        Assert.EndsWith(JoinRoutes.Meeting(JoinHarness.MeetingId), ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
        await using var db = harness.Database.CreateDbContext();
        var attempts = await db.JoinAttempts.Where(a => a.JoinId == Guid.Parse(joinId)).ToListAsync();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, a => Assert.Equal(JoinAttemptOutcome.Abandoned, a.JoinOutcome));
        // The module's late calls get nothing: no further signature for this join.
        Assert.Null(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 2, false)));
    }

    [Fact]
    public async Task A_page_whose_first_render_comes_before_the_database_answered_still_prepares_the_join()
    {
        // A networked database (PostgreSQL on a cold instance): the page renders once while it waits for the join's
        // session, and that render's after-render call comes first. The page must still load its module afterwards.
        var options = new JoinOptions();
        await using var harness = await JoinHarness.CreateAsync(options);
        await using var ctx = harness.PageContext(options);
        var module = harness.SetupModule(ctx);
        harness.Database.Latency = TimeSpan.FromMilliseconds(200);

        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));

        page.WaitForAssertion(() => Assert.False(page.Find("button[type=submit]").HasAttribute("disabled")));
        module.VerifyInvoke("checkBrowser");
        module.VerifyInvoke("preload");
    }

    [Fact]
    public void Retry_countdown_offers_cancel_outside_the_live_region()
    {
        using var ctx = new ZoomPortal.Tests.Infrastructure.PortalBunitContext();
        var cancelled = 0;
        var progress = ctx.Render<JoinProgress>(p => p
            .Add(x => x.Step, JoinStep.Retrying)
            .Add(x => x.Seconds, 8)
            .Add(x => x.SupportCode, "ZP-ABC234")
            .Add(x => x.OnCancel, () => cancelled++));

        var button = progress.Find("button");
        Assert.Equal("Cancel", button.TextContent.Trim());
        Assert.Null(button.Closest("[aria-live]"));
        button.Click();
        Assert.Equal(1, cancelled);

        // The wait's re-check starts a new attempt: the button stays (focus and pointer are not lost) ...
        progress.Render(p => p.Add(x => x.Step, JoinStep.Joining));
        progress.Find("button").Click();
        Assert.Equal(2, cancelled);
        // ... and goes once there is nothing left to cancel.
        progress.Render(p => p.Add(x => x.Step, JoinStep.InMeeting));
        Assert.Empty(progress.FindAll("button"));
        progress.Render(p => p.Add(x => x.Step, JoinStep.Stopped));
        Assert.Empty(progress.FindAll("button"));
    }

    [Fact]
    public async Task The_passcode_prompt_says_needs_a_passcode_first_and_isnt_right_only_after_one_was_typed()
    {
        await using var harness = await JoinHarness.CreateAsync(withPasscode: true);
        await using var ctx = harness.PageContext(new JoinOptions());
        var module = harness.SetupModule(ctx);
        var handle = module.SetupModule("join", _ => true);
        handle.SetupVoid("resume").SetVoidResult();
        var page = ctx.Render<JoinMeetingPage>(p => p.Add(x => x.Id, JoinHarness.MeetingId));
        page.WaitForAssertion(() => Assert.False(page.Find("button[type=submit]").HasAttribute("disabled")));
        await page.Find("form").SubmitAsync();
        var joinId = Assert.IsType<JoinModuleOptions>(module.VerifyInvoke("join").Arguments[2]).JoinId;
        Assert.NotNull(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 1, false)));

        // Zoom refused the catalog's (stale) passcode: the attendee never typed one.
        await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, 1, 3004, "Wrong passcode", "6.2.0", "Component", null));
        page.WaitForAssertion(() => Assert.Equal(JoinStep.NeedPasscode, page.Instance.Step));
        AssertPromptDescribesField(page, "This meeting needs a passcode.");
        Assert.DoesNotContain("isn't right", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("ol.join-steps"));

        page.Find("input[type=password]").Change("481516");
        await page.Find("form").SubmitAsync();
        handle.VerifyInvoke("resume");
        Assert.NotNull(await page.InvokeAsync(() => page.Instance.GetSignatureAsync(joinId, 2, false)));
        await page.InvokeAsync(() => page.Instance.ReportAttemptAsync(joinId, 2, 3004, "Wrong passcode", "6.2.0", "Component", null));
        page.WaitForAssertion(() => AssertPromptDescribesField(page, "That passcode isn't right."));
        Assert.DoesNotContain("needs a passcode", page.Markup, StringComparison.Ordinal);
    }

    private static void AssertPromptDescribesField(IRenderedComponent<JoinMeetingPage> page, string text)
    {
        var field = page.Find("input[type=password]");
        var describedBy = field.GetAttribute("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy));
        var prompt = page.Find($"#{describedBy}");
        Assert.StartsWith(text, prompt.TextContent.Trim(), StringComparison.Ordinal);
    }
}
