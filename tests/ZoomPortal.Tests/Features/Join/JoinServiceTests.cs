using Microsoft.EntityFrameworkCore;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Tests.Features.Join;

public sealed class JoinServiceTests
{
    [Fact]
    public async Task Meeting_the_user_cannot_see_is_not_found()
    {
        await using var harness = await JoinHarness.CreateAsync();

        var session = await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId + 1, JoinKind.Join, null, CancellationToken.None);

        Assert.Null(session);
    }

    [Fact]
    public async Task Attendee_cannot_start_and_cannot_get_role_1_even_with_a_forged_session()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var session = await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Start, null, CancellationToken.None);
        Assert.Equal(SignatureRefusal.NotMeetingHost, session!.Refusal);

        var forged = session with { Refusal = SignatureRefusal.None };
        var result = await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, forged, 1, false, "Ada", null, CancellationToken.None);

        Assert.Null(result.Ticket);
        Assert.Equal(SignatureRefusal.NotMeetingHost, result.Refusal);
        Assert.Empty(harness.Zoom.ZakRequests);
    }

    [Fact]
    public async Task Another_users_session_gets_no_signature()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var session = await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None);

        var result = await harness.Service.IssueSignatureAsync(JoinHarness.User("user-eve", "eve@example.com"), session!, 1, false, "Eve", null, CancellationToken.None);

        Assert.Null(result.Ticket);
        Assert.Equal(SignatureRefusal.NotSignedIn, result.Refusal);
    }

    [Fact]
    public async Task Every_attempt_gets_a_fresh_signature_and_an_issuance_record_without_the_token()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var session = await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None);

        var first = (await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session!, 1, false, "Ada", null, CancellationToken.None)).Ticket!;
        await ReportFailureAsync(harness, session!, 1, 3712);
        var second = (await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session!, 2, false, "Ada", null, CancellationToken.None)).Ticket!;

        Assert.NotEqual(first.Signature, second.Signature);
        // A 3712 the (unchanged) clock does not explain widens the window: attempt 2's iat lies earlier, never later.
        Assert.True(second.IssuedAt <= first.IssuedAt, $"iat {first.IssuedAt} then {second.IssuedAt}");
        Assert.Equal(ZoomRole.Attendee.Value, first.Role);
        Assert.Null(first.Zak);
        await using var db = harness.Database.CreateDbContext();
        var records = await db.SignatureIssuances.Where(r => r.JoinId == session!.JoinId).ToListAsync();
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task Clock_is_remeasured_before_signing_only_when_asked()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var session = await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None);

        var first = (await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session!, 1, false, "Ada", null, CancellationToken.None)).Ticket!;
        Assert.Equal(0, harness.Clock.Measurements);
        await ReportFailureAsync(harness, session!, 1, 3712);
        var retry = (await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session!, 2, true, "Ada", null, CancellationToken.None)).Ticket!;

        Assert.Equal(1, harness.Clock.Measurements);
        Assert.Equal(-3000, first.ZoomClockOffsetMs);
        Assert.Equal(-7000, retry.ZoomClockOffsetMs);
    }

    [Fact]
    public async Task Host_start_gets_role_1_and_a_zak_that_no_ToString_or_log_shows()
    {
        await using var harness = await JoinHarness.CreateAsync(withPasscode: true);
        var session = await harness.Service.StartJoinAsync(JoinHarness.Host, JoinHarness.MeetingId, JoinKind.Start, null, CancellationToken.None);
        Assert.True(session!.IsAllowed);

        var ticket = (await harness.Service.IssueSignatureAsync(JoinHarness.Host, session, 1, false, "Hana", null, CancellationToken.None)).Ticket!;

        Assert.Equal(1, ticket.Role);
        Assert.Equal(JoinHarness.Zak, ticket.Zak);
        Assert.Equal(JoinHarness.Passcode, ticket.Passcode);
        Assert.Equal(["zoom-hana"], harness.Zoom.ZakRequests);
        var text = ticket.ToString() + harness.LogText;
        Assert.Contains("JoinTicket", text, StringComparison.Ordinal);
        Assert.DoesNotContain(JoinHarness.Zak, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JoinHarness.Passcode, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ticket.Signature, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxSdkCredentials.ClientSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendee_gets_the_catalog_passcode_unless_they_typed_one_after_zoom_refused_it()
    {
        await using var withPasscode = await JoinHarness.CreateAsync(withPasscode: true);
        var session = await withPasscode.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None);
        Assert.True(session!.PasscodeKnown);
        var fromCatalog = (await withPasscode.Service.IssueSignatureAsync(JoinHarness.Attendee, session, 1, false, "Ada", null, CancellationToken.None)).Ticket!;
        Assert.Equal(JoinHarness.Passcode, fromCatalog.Passcode);
        // After a 3004 the page asks; what the attendee types replaces the catalog's (stale) copy.
        await ReportFailureAsync(withPasscode, session, 1, 3004);
        var retyped = (await withPasscode.Service.IssueSignatureAsync(JoinHarness.Attendee, session, 2, false, "Ada", " n3wcode ", CancellationToken.None)).Ticket!;
        Assert.Equal("n3wcode", retyped.Passcode);

        await using var without = await JoinHarness.CreateAsync();
        var other = await without.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None);
        Assert.False(other!.PasscodeKnown);
        var typed = (await without.Service.IssueSignatureAsync(JoinHarness.Attendee, other, 1, false, "Ada", " typed ", CancellationToken.None)).Ticket!;
        Assert.Equal("typed", typed.Passcode);
    }

    [Fact]
    public async Task Client_view_reload_continues_the_same_join_only_for_its_user()
    {
        await using var harness = await JoinHarness.CreateAsync();
        var session = (await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, null, CancellationToken.None))!;
        await harness.Service.IssueSignatureAsync(JoinHarness.Attendee, session, 1, false, "Ada", null, CancellationToken.None);

        var resumed = await harness.Service.StartJoinAsync(JoinHarness.Attendee, JoinHarness.MeetingId, JoinKind.Join, session.JoinId, CancellationToken.None);
        var stolen = await harness.Service.StartJoinAsync(JoinHarness.Host, JoinHarness.MeetingId, JoinKind.Join, session.JoinId, CancellationToken.None);

        Assert.Equal((session.JoinId, session.SupportCode), (resumed!.JoinId, resumed.SupportCode));
        Assert.NotEqual(session.JoinId, stolen!.JoinId);
    }

    /// <summary>The page reports each failed attempt before it asks for the next signature (the join's state machine).</summary>
    private static async Task ReportFailureAsync(JoinHarness harness, JoinSession session, int attemptNumber, int code)
    {
        var outcome = await harness.Recorder.RecordReportAsync(JoinHarness.Attendee, session, JoinAttemptReport.TryCreate(attemptNumber, code, null, null, null, null)!,
            null, TimeSpan.Zero, CancellationToken.None);
        Assert.NotEqual(JoinNextAction.Stop, outcome.Next.Action);
    }
}
