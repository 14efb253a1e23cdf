using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Tests.Features.Meetings;

namespace ZoomPortal.Tests.Features.Join;

/// <summary>The join as a state machine, driven without a page or a browser.</summary>
public sealed class JoinFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly BrowserChecks Chrome = new(true, true, "Chrome");

    [Fact]
    public void A_signature_error_counts_down_then_the_retry_gets_in()
    {
        var flow = new JoinFlow(allowed: true, clientView: false, firstAttempt: 1);
        Assert.True(flow.CanStart(moduleReady: true, Chrome));
        Assert.False(flow.CanStart(moduleReady: false, Chrome));

        Assert.Equal(JoinStart.NewJoin, flow.Start());
        Assert.Equal((JoinStep.LoadingZoom, true, false), (flow.Step, flow.IsRunning, flow.CanStart(true, Chrome)));
        flow.AttemptRecorded(new JoinReportOutcome(JoinErrorCatalog.Classify(3712, null), JoinNextStep.Retry(TimeSpan.FromSeconds(9.2), true)), Now);
        Assert.Equal((JoinStep.Retrying, 10, JoinErrorCategory.Signature), (flow.Step, flow.Seconds, flow.Error!.Category));

        Assert.True(flow.Progressed(JoinStep.Retrying, 3));
        Assert.Equal(3, flow.Seconds);
        flow.AttemptRecorded(JoinReportOutcome.Joined, Now);
        Assert.Equal((JoinStep.InMeeting, false, null), (flow.Step, flow.IsRunning, flow.Error));
        Assert.False(flow.Progressed(JoinStep.Joining, 0));
        Assert.False(flow.EndsOnLeaving());
    }

    [Fact]
    public void A_wrong_passcode_waits_for_the_user_and_resumes_the_same_join()
    {
        var flow = new JoinFlow(true, false, 1);
        flow.Start();
        flow.AttemptRecorded(new JoinReportOutcome(JoinErrorCatalog.Classify(3004, null), new JoinNextStep(JoinNextAction.AskPasscode, TimeSpan.Zero, false)), Now);

        Assert.Equal(JoinStep.NeedPasscode, flow.Step);
        Assert.True(flow.ShowsForm);
        Assert.Equal(JoinStart.ResumeWithPasscode, flow.Start());
        Assert.Null(flow.Error);
    }

    [Fact]
    public void Stopping_offers_try_again_as_a_new_join_and_leaving_then_ends_it_once()
    {
        var flow = new JoinFlow(true, false, 1);
        Assert.False(flow.EndsOnLeaving());
        flow.Start();
        flow.SignatureIssued(JoinTicketResult.Failed("Your name must be 1 to 64 characters."));

        Assert.Equal((JoinStep.Stopped, "Your name must be 1 to 64 characters.", false), (flow.Step, flow.Problem, flow.IsRunning));
        Assert.False(flow.Progressed(JoinStep.Joining, 0));
        Assert.Equal(JoinStart.NewJoin, flow.Start());
        Assert.True(flow.EndsOnLeaving());
        Assert.False(flow.EndsOnLeaving());
    }

    [Fact]
    public void Waiting_for_the_host_counts_from_the_first_wait()
    {
        var flow = new JoinFlow(true, false, 1);
        flow.Start();
        var wait = new JoinReportOutcome(JoinErrorCatalog.Classify(3008, null), new JoinNextStep(JoinNextAction.WaitForHost, TimeSpan.FromSeconds(15), false));
        flow.AttemptRecorded(wait, Now);
        flow.AttemptRecorded(wait, Now.AddSeconds(15));

        Assert.Equal(TimeSpan.FromSeconds(40), flow.WaitedForHost(Now.AddSeconds(40)));
        Assert.Equal(JoinStep.WaitingForHost, flow.Step);
    }

    [Fact]
    public void The_client_view_page_continues_a_reloaded_join_by_itself_and_its_reload_is_no_end()
    {
        var flow = new JoinFlow(true, clientView: true, firstAttempt: 2);
        Assert.True(flow.StartsByItself);
        Assert.False(flow.NeedsClientViewPage(UserAgentInfo.Parse("Mozilla/5.0 (Linux; Android 14; Pixel 7) Mobile Safari/537.36")));
        flow.Start();
        flow.AttemptRecorded(new JoinReportOutcome(JoinErrorCatalog.Classify(3712, null), JoinNextStep.Retry(TimeSpan.FromSeconds(10), true)), Now);

        Assert.False(flow.EndsOnLeaving());
        Assert.True(new JoinFlow(true, false, 1).NeedsClientViewPage(UserAgentInfo.Parse("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148")));
    }

    [Fact]
    public void A_refused_user_never_starts()
    {
        var flow = new JoinFlow(allowed: false, clientView: false, firstAttempt: 1);

        Assert.Equal(JoinStep.Refused, flow.Step);
        Assert.False(flow.CanStart(true, Chrome));
        Assert.False(flow.Progressed(JoinStep.Joining, 0));
    }

    [Fact]
    public void An_ended_meeting_stays_ended_and_never_starts()
    {
        var schedule = new MeetingSchedule(new MeetingsOptions());
        var yesterday = MeetingData.Summary(1, "Retro", Now.AddDays(-1));
        var flow = new JoinFlow(true, false, 1);
        flow.Schedule(JoinWindow.For(schedule.Current(yesterday, Now), JoinKind.Join), Now);

        Assert.Equal((JoinStep.Ended, Now.AddDays(-1).AddHours(1)), (flow.Step, flow.EndedAt));
        Assert.False(flow.ShowsForm);
        Assert.False(flow.CanStart(true, Chrome));
        Assert.False(flow.Tick(Now.AddDays(1)));
        Assert.False(flow.EndsOnLeaving());
    }

    [Fact]
    public void Joining_not_yet_open_opens_at_the_lead_time_by_the_given_clock_for_attendees_only()
    {
        var schedule = new MeetingSchedule(new MeetingsOptions { JoinLeadTime = TimeSpan.FromMinutes(10) });
        var soon = schedule.Current(MeetingData.Summary(1, "Design review", Now.AddMinutes(39)), Now);
        var flow = new JoinFlow(true, false, 1);
        flow.Schedule(JoinWindow.For(soon, JoinKind.Join), Now);

        Assert.Equal((JoinStep.NotYetOpen, Now.AddMinutes(29)), (flow.Step, flow.OpensAt));
        Assert.True(flow.ShowsForm);
        Assert.False(flow.CanStart(true, Chrome));
        Assert.False(flow.Tick(Now.AddMinutes(29).AddTicks(-1)));
        Assert.True(flow.Tick(Now.AddMinutes(29)));
        Assert.Equal((JoinStep.Ready, true), (flow.Step, flow.OpenedWhileWaiting));
        Assert.True(flow.CanStart(true, Chrome));
        Assert.False(flow.Tick(Now.AddMinutes(30)));

        // The host may start early (Zoom lets the host start before the scheduled time).
        Assert.Equal(JoinWindow.Open, JoinWindow.For(soon, JoinKind.Start));
        var live = schedule.Current(MeetingData.Summary(2, "Standup", Now.AddMinutes(-5)), Now);
        Assert.Equal(JoinWindow.Open, JoinWindow.For(live, JoinKind.Join));
    }

    [Fact]
    public void Cancel_ends_a_wait_or_a_retry_once_and_ignores_the_modules_late_news()
    {
        var flow = new JoinFlow(true, false, 1);
        Assert.False(flow.Cancel());
        flow.Start();
        Assert.True(flow.CanCancel);
        var wait = new JoinReportOutcome(JoinErrorCatalog.Classify(3008, null), new JoinNextStep(JoinNextAction.WaitForHost, TimeSpan.FromSeconds(15), false));
        flow.AttemptRecorded(wait, Now);
        Assert.True(flow.CanCancel);

        Assert.True(flow.Cancel());
        Assert.Equal((JoinStep.Cancelled, false, true), (flow.Step, flow.IsRunning, flow.IsCancelled));
        Assert.False(flow.Cancel());
        Assert.False(flow.Progressed(JoinStep.GettingSignature, 0));
        flow.AttemptRecorded(JoinReportOutcome.Joined, Now);
        flow.Failed("late");
        Assert.Equal(JoinStep.Cancelled, flow.Step);
        Assert.False(flow.ShowsForm);
        // The page records the abandonment itself: leaving afterwards ends nothing twice.
        Assert.False(flow.EndsOnLeaving());

        var retrying = new JoinFlow(true, false, 1);
        retrying.Start();
        retrying.AttemptRecorded(new JoinReportOutcome(JoinErrorCatalog.Classify(3712, null), JoinNextStep.Retry(TimeSpan.FromSeconds(10), true)), Now);
        Assert.True(retrying.Cancel());
    }

    [Fact]
    public void Cancel_counts_in_every_pending_step_so_a_click_during_a_waits_recheck_is_not_lost()
    {
        var wait = new JoinReportOutcome(JoinErrorCatalog.Classify(3008, null), new JoinNextStep(JoinNextAction.WaitForHost, TimeSpan.FromSeconds(15), false));
        foreach (var step in new[] { JoinStep.LoadingZoom, JoinStep.GettingSignature, JoinStep.Joining })
        {
            // The wait's re-check: the module starts the next attempt and reports its progress.
            var flow = new JoinFlow(true, false, 1);
            flow.Start();
            flow.AttemptRecorded(wait, Now);
            Assert.True(flow.Progressed(step, 0));
            Assert.True(flow.CanCancel, $"Cancel refused in {step}");
            Assert.True(flow.Cancel());
            Assert.Equal(JoinStep.Cancelled, flow.Step);
        }

        // Nothing to cancel once the join is in, has stopped, or waits for the user's passcode (the form is back).
        var inMeeting = new JoinFlow(true, false, 1);
        inMeeting.Start();
        inMeeting.AttemptRecorded(JoinReportOutcome.Joined, Now);
        Assert.False(inMeeting.Cancel());
        var stopped = new JoinFlow(true, false, 1);
        stopped.Start();
        stopped.Failed("no ticket");
        Assert.False(stopped.Cancel());
        var passcode = new JoinFlow(true, false, 1);
        passcode.Start();
        passcode.AttemptRecorded(new JoinReportOutcome(JoinErrorCatalog.Classify(3004, null), new JoinNextStep(JoinNextAction.AskPasscode, TimeSpan.Zero, false)), Now);
        Assert.False(passcode.Cancel());
        Assert.False(new JoinFlow(true, false, 1).Cancel());
    }

    [Fact]
    public void The_passcode_prompt_blames_a_passcode_only_when_the_user_typed_one()
    {
        var refused = new JoinReportOutcome(JoinErrorCatalog.Classify(3004, null), new JoinNextStep(JoinNextAction.AskPasscode, TimeSpan.Zero, false));
        var flow = new JoinFlow(true, false, 1);
        Assert.Null(flow.PasscodePrompt);
        flow.Start();
        flow.AttemptRecorded(refused, Now);
        Assert.StartsWith("This meeting needs a passcode.", flow.PasscodePrompt, StringComparison.Ordinal);

        flow.Start(passcodeTyped: true);
        flow.AttemptRecorded(refused, Now);
        Assert.StartsWith("That passcode isn't right.", flow.PasscodePrompt, StringComparison.Ordinal);
    }
}
