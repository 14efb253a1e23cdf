using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class JoinDiagnosisTests
{
    [Fact]
    public void Server_ahead_by_the_remeasured_offset_says_so_and_that_the_retry_on_it_succeeded()
    {
        var join = Guid.NewGuid();
        // Signed believing the clocks agreed; Zoom's clock had moved 7 minutes behind since the last measurement.
        var failed = AttemptData.Failed(3712, join, zoomOffsetMs: 60, joinOutcome: JoinAttemptOutcome.Succeeded);
        var success = Signed(AttemptData.Succeeded(join, 2, failed.StartedAt.AddSeconds(5)), -420_000, SignatureWindowKind.Measured, -7.5, 112.5);

        var text = JoinDiagnosis.Describe(failed, [failed, success]);

        Assert.StartsWith("Zoom rejected the signature as not yet valid on its clock (3712): this server's clock was 7 min ahead of Zoom's.", text, StringComparison.Ordinal);
        Assert.Contains("estimate when it signed (60 ms) was out of date", text, StringComparison.Ordinal);
        Assert.EndsWith("Signed on the new measurement, attempt 2 succeeded.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_behind_by_the_remeasured_offset_says_so_for_an_expired_signature()
    {
        var join = Guid.NewGuid();
        var failed = AttemptData.Failed(3705, join, zoomOffsetMs: 0);
        var retry = Signed(AttemptData.Failed(3705, join, 2, failed.StartedAt.AddSeconds(15)), 3 * 3_600_000 + 60_000, SignatureWindowKind.Measured, 180.5, 300.5);

        var text = JoinDiagnosis.Describe(failed, [failed, retry]);

        Assert.StartsWith("Zoom said the signature had expired on its clock (3705): this server's clock was 3 h 1 min behind Zoom's.", text, StringComparison.Ordinal);
        Assert.Contains("The join did not succeed.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Zoom_web_behind_its_api_clock_is_named_with_the_bounds_the_widened_window_proved()
    {
        var join = Guid.NewGuid();
        var failed = AttemptData.Failed(3712, join, zoomOffsetMs: 200, joinOutcome: JoinAttemptOutcome.Succeeded);
        var success = Signed(AttemptData.Succeeded(join, 2, failed.StartedAt.AddSeconds(15)), 300, SignatureWindowKind.WidenedEarlier, -235, 5);

        var text = JoinDiagnosis.Describe(failed, [failed, success]);

        Assert.Equal("Zoom rejected the signature as not yet valid on its clock (3712) although the signature was already corrected for this server's difference " +
            "from the clock Zoom's API shows (the clocks agreed within 200 ms; re-measured after Zoom's answer: the clocks agreed within 300 ms). The portal widened " +
            "the signature's time window (iat earlier) and attempt 2 got in, so Zoom's web servers were at least 30 s and at most 3 h 55 min behind its API clock.", text);
    }

    [Fact]
    public void Zoom_web_ahead_of_its_api_clock_is_named_for_an_expired_signature_the_widened_window_fixed()
    {
        var join = Guid.NewGuid();
        var failed = AttemptData.Failed(3705, join, zoomOffsetMs: 0, joinOutcome: JoinAttemptOutcome.Succeeded);
        var success = Signed(AttemptData.Succeeded(join, 2, failed.StartedAt.AddSeconds(15)), 0, SignatureWindowKind.WidenedLater, 115, 355);

        var text = JoinDiagnosis.Describe(failed, [failed, success]);

        Assert.Contains("attempt 2 got in, so Zoom's web servers were at least 1 h 59 min and at most 5 h 55 min ahead of its API clock.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("key", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Expired_with_the_clocks_agreeing_is_a_clock_never_the_key()
    {
        var failed = AttemptData.Failed(3705, zoomOffsetMs: 800);

        var text = JoinDiagnosis.Describe(failed, [failed]);

        Assert.Contains("already past the signature's exp", text, StringComparison.Ordinal);
        Assert.Contains("never a wrong SDK key or secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("likely cause", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skew_the_signature_had_already_corrected_is_not_blamed()
    {
        var failed = AttemptData.Failed(3712, zoomOffsetMs: -432_000);

        var text = JoinDiagnosis.Describe(failed, [failed]);

        Assert.Contains("already corrected", text, StringComparison.Ordinal);
        Assert.Contains("Zoom 7 min 12 s behind", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ahead of Zoom's", text, StringComparison.Ordinal);
        Assert.DoesNotContain("key", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Names_the_key_or_secret_only_when_a_window_reaching_a_day_back_also_failed()
    {
        var join = Guid.NewGuid();
        var first = AttemptData.Failed(3712, join, zoomOffsetMs: 0);
        var second = Signed(AttemptData.Failed(3712, join, 2, first.StartedAt.AddSeconds(15)), 0, SignatureWindowKind.WidenedEarlier, -235, 5);
        var third = Signed(AttemptData.Failed(3712, join, 3, first.StartedAt.AddSeconds(30)), 0, SignatureWindowKind.WidenedEarlier, -2875, 5);

        Assert.DoesNotContain("key", JoinDiagnosis.Describe(first, [first, second]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("widest window tried reached 3 h 55 min before it", JoinDiagnosis.Describe(first, [first, second]), StringComparison.Ordinal);
        var text = JoinDiagnosis.Describe(first, [first, second, third]);
        Assert.Contains("refused even a signature valid from 47 h 55 min before that clock", text, StringComparison.Ordinal);
        Assert.Contains("wrong SDK key or secret (Zoom:MeetingSdk:ClientId/ClientSecret), meeting number or role is the likely cause", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_the_clock_was_not_measured_when_no_offset_was_recorded()
    {
        var failed = AttemptData.Failed(3712);

        Assert.Contains("had not been measured", JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_says_when_its_window_was_widened()
    {
        var success = Signed(AttemptData.Succeeded(Guid.NewGuid(), 2, AttemptData.Start), 0, SignatureWindowKind.WidenedEarlier, -235, 5);

        Assert.Equal("Joined on attempt 2 with a widened signature window (iat earlier, after Zoom found the last one not yet valid), 3 s after clicking Join.",
            JoinDiagnosis.Describe(success, [success]));
    }

    /// <summary>The attempt as signed: its offset and window (minutes from its start).</summary>
    private static JoinAttempt Signed(JoinAttempt attempt, long offsetMs, SignatureWindowKind kind, double startMinutes, double endMinutes)
    {
        attempt.ZoomClockOffsetMs = offsetMs;
        attempt.SignatureWindow = kind;
        attempt.SignatureIssuedAt = attempt.StartedAt.AddMinutes(startMinutes);
        attempt.SignatureExpiresAt = attempt.StartedAt.AddMinutes(endMinutes);
        return attempt;
    }

    [Fact]
    public void Names_a_wrong_passcode()
    {
        var failed = AttemptData.Failed(3004);

        Assert.StartsWith("Wrong passcode (3004).", JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
    }

    [Fact]
    public void Says_when_an_attendee_waiting_for_the_host_was_joined_automatically()
    {
        var join = Guid.NewGuid();
        var waiting = AttemptData.Failed(3008, join, joinOutcome: JoinAttemptOutcome.Succeeded);
        var success = AttemptData.Succeeded(join, 2, waiting.StartedAt.AddMinutes(4));

        var text = JoinDiagnosis.Describe(waiting, [waiting, success]);

        Assert.Equal("The meeting had not started (3008); the attendee was joined automatically 4 min later.", text);
    }

    [Fact]
    public void Explains_an_app_not_authorised_outside_its_account()
    {
        var failed = AttemptData.Failed(4011);

        var text = JoinDiagnosis.Describe(failed, [failed]);

        Assert.Contains("not authorised to join meetings outside its Zoom account (4011)", text, StringComparison.Ordinal);
        Assert.Contains("app review", text, StringComparison.Ordinal);
        Assert.Contains("on-behalf-of", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Appends_a_note_when_the_browser_clock_is_far_off()
    {
        var failed = AttemptData.Failed(3004, browserOffsetMs: -7_200_000);

        var text = JoinDiagnosis.Describe(failed, [failed]);

        Assert.EndsWith("The browser's clock is 2 h behind; this does not affect joining, but the attendee's countdown used server time.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_nothing_about_a_browser_clock_that_is_nearly_right()
    {
        var failed = AttemptData.Failed(3004, browserOffsetMs: 1500);

        Assert.DoesNotContain("browser's clock", JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
    }

    [Fact]
    public void Says_an_unknown_code_is_unknown_and_quotes_the_sdk()
    {
        var failed = AttemptData.Failed(77777, message: "Something odd");

        var text = JoinDiagnosis.Describe(failed, [failed]);

        Assert.Contains("code 77777, which the portal does not know", text, StringComparison.Ordinal);
        Assert.Contains("“Something odd”", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Gives_the_generic_failure_with_the_sdk_message()
    {
        // Zoom's own words under the generic code (a bare "Fail to join the meeting." is the network, see the catalog).
        var failed = AttemptData.Failed(1, message: "The meeting is locked by the host.");

        Assert.Contains("The SDK said: “The meeting is locked by the host.”", JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_old_sdks_expired_message_under_code_1_as_a_clock_problem()
    {
        var failed = AttemptData.Failed(1, message: "The signature has expired.", zoomOffsetMs: 600_000);

        Assert.StartsWith("Zoom said the signature had expired on its clock (1)", JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
    }

    [Fact]
    public void Describes_every_catalogued_code_without_saying_it_is_unknown()
    {
        foreach (var info in ZoomPortal.Features.Join.Errors.JoinErrorCatalog.All.Where(i => i.Code is not (1 or 200)))
        {
            var failed = AttemptData.Failed(info.Code, zoomOffsetMs: 0);
            var text = JoinDiagnosis.Describe(failed, [failed]);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain("which the portal does not know", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Describes_a_success_with_its_time_to_join()
    {
        var success = AttemptData.Succeeded(Guid.NewGuid(), 1, AttemptData.Start);

        Assert.Equal("Joined on attempt 1, 3 s after clicking Join.", JoinDiagnosis.Describe(success, [success]));
    }
}
