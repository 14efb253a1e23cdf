using Microsoft.EntityFrameworkCore;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Tests.Features.Join;

namespace ZoomPortal.Tests.Features.Admin;

/// <summary>The write side of the join-error log: one entry point for the browser's reports, plus signing and abandoning.</summary>
public sealed class JoinAttemptRecorderTests
{
    private const string ChromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    [Fact]
    public async Task Attempts_are_recorded_with_all_fields_and_the_join_outcome_on_each()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var service = harness.Service;
        var recorder = harness.Recorder;
        var session = (await service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None))!;
        Assert.Matches("^ZP-[2-9A-HJKMNP-Z]{6}$", session.SupportCode);

        var ticket = (await service.IssueSignatureAsync(JoinHarness.Attendee, session, 1, false, "Ada", null, CancellationToken.None)).Ticket!;
        var failed = JoinAttemptReport.TryCreate(1, 3712, "Signature is invalid.", "6.2.0", "Component", 1234)!;
        var (error, next) = await recorder.RecordReportAsync(JoinHarness.Attendee, session, failed, ChromeOnLinux, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(JoinErrorCategory.Signature, error!.Category);
        Assert.Equal(JoinNextAction.Retry, next.Action);
        Assert.True(next.RemeasureClock);

        await service.IssueSignatureAsync(JoinHarness.Attendee, session, 2, true, "Ada", null, CancellationToken.None);
        var joined = await recorder.RecordReportAsync(JoinHarness.Attendee, session, JoinAttemptReport.TryCreate(2, null, null, "6.2.0", "Component", 1234, 2345)!, ChromeOnLinux, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(JoinReportOutcome.Joined, joined);

        await using var db = harness.Database.CreateDbContext();
        var attempts = await db.JoinAttempts.Where(a => a.JoinId == session.JoinId).OrderBy(a => a.AttemptNumber).ToListAsync();
        Assert.Equal(2, attempts.Count);
        var first = attempts[0];
        Assert.Equal((session.SupportCode, "user-ada", JoinHarness.MeetingId, 0), (first.SupportCode, first.UserId, first.MeetingId, first.Role));
        Assert.Equal((JoinAttemptOutcome.Failed, 3712, "Signature is invalid.", JoinErrorCategory.Signature), (first.Outcome, first.ErrorCode, first.ErrorMessage, first.ErrorCategory));
        Assert.Equal(("6.2.0", "Component", "Chrome 156", "Linux"), (first.SdkVersion, first.SdkView, first.Browser, first.OperatingSystem));
        Assert.Equal((-3000L, 40L, 1234L), (first.ZoomClockOffsetMs, first.ZoomClockUncertaintyMs, first.BrowserClockOffsetMs));
        Assert.Equal(ticket.IssuedAt.UtcDateTime, first.SignatureIssuedAt);
        Assert.Equal(ticket.ExpiresAt.UtcDateTime, first.SignatureExpiresAt);
        Assert.NotNull(first.FinishedAt);
        var second = attempts[1];
        Assert.Equal((JoinAttemptOutcome.Succeeded, 2345, -7000L), (second.Outcome, second.TimeToJoinMs, second.ZoomClockOffsetMs));
        Assert.All(attempts, a => Assert.Equal(JoinAttemptOutcome.Succeeded, a.JoinOutcome));
    }

    [Fact]
    public async Task Third_signature_error_stops_and_marks_the_join_failed()
    {
        await using var harness = await JoinHarness.CreateAsync(new JoinOptions { MaxAttempts = 3 });
        var session = (await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None))!;
        var actions = new List<JoinNextAction>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session, attempt, attempt > 1, "Ada", null, CancellationToken.None);
            var report = JoinAttemptReport.TryCreate(attempt, 3712, "Signature is invalid.", "6.2.0", "Component", 0)!;
            actions.Add((await harness.Recorder.RecordReportAsync(JoinHarness.Attendee, session, report, ChromeOnLinux, TimeSpan.Zero, CancellationToken.None)).Next.Action);
        }

        Assert.Equal([JoinNextAction.Retry, JoinNextAction.Retry, JoinNextAction.Stop], actions);
        Assert.Equal(2, harness.Clock.Measurements);
        await using var db = harness.Database.CreateDbContext();
        Assert.All(await db.JoinAttempts.Where(a => a.JoinId == session.JoinId).ToListAsync(), a => Assert.Equal(JoinAttemptOutcome.Failed, a.JoinOutcome));
    }

    [Fact]
    public async Task Leaving_before_joining_abandons_the_attempt_in_progress()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var session = (await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None))!;
        await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session, 1, false, "Ada", null, CancellationToken.None);

        await harness.Recorder.AbandonAsync(JoinHarness.Attendee, session, CancellationToken.None);

        await using var db = harness.Database.CreateDbContext();
        var attempt = await db.JoinAttempts.SingleAsync(a => a.JoinId == session.JoinId);
        Assert.Equal((JoinAttemptOutcome.Abandoned, JoinAttemptOutcome.Abandoned, PortalErrorCodes.Abandoned), (attempt.Outcome, attempt.JoinOutcome, attempt.ErrorCode));
    }

    [Fact]
    public async Task Another_users_report_is_rejected_and_records_nothing()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var session = (await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None))!;
        var report = JoinAttemptReport.TryCreate(1, 3712, "Signature is invalid.", "6.2.0", "Component", 0)!;

        var outcome = await harness.Recorder.RecordReportAsync(JoinHarness.User("user-eve", "eve@example.com"), session, report, ChromeOnLinux, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(JoinReportOutcome.Rejected, outcome);
        await using var db = harness.Database.CreateDbContext();
        Assert.False(await db.JoinAttempts.AnyAsync(a => a.JoinId == session.JoinId));
    }
}
