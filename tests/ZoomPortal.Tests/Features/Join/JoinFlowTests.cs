using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Tests.Features.Join;

/// <summary>The join as a state machine, driven without a page or a browser.</summary>
public sealed class JoinFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly BrowserChecks Chrome = new(true, true, "granted", "granted", "Chrome");

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
}
