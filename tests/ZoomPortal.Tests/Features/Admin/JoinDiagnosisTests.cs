using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Join.Attempts;

namespace ZoomPortal.Tests.Features.Admin;

public sealed class JoinDiagnosisTests
{
    [Fact]
    public void Says_the_server_was_ahead_when_zoom_found_the_signature_not_yet_valid_and_that_the_retry_succeeded()
    {
        var join = Guid.NewGuid();
        var failed = AttemptData.Failed(3712, join, zoomOffsetMs: -432_000, joinOutcome: JoinAttemptOutcome.Succeeded);
        var success = AttemptData.Succeeded(join, 2, failed.StartedAt.AddSeconds(5));

        var text = JoinDiagnosis.Describe(failed, [failed, success]);

        Assert.Equal("Zoom rejected the signature as not yet valid (3712): this server's clock was 7 min 12 s ahead of Zoom's. The portal corrected it and attempt 2 succeeded.", text);
    }

    [Fact]
    public void Uses_the_offset_measured_after_the_failure_when_the_estimate_used_for_signing_was_stale()
    {
        var join = Guid.NewGuid();
        // Signed believing the clocks agreed; Zoom's clock had moved 7 minutes behind since the last measurement.
        var failed = AttemptData.Failed(3712, join, zoomOffsetMs: 60, joinOutcome: JoinAttemptOutcome.Succeeded);
        var success = AttemptData.Succeeded(join, 2, failed.StartedAt.AddSeconds(5));
        success.ZoomClockOffsetMs = -420_000;

        var text = JoinDiagnosis.Describe(failed, [failed, success]);

        Assert.StartsWith("Zoom rejected the signature as not yet valid (3712): this server's clock was 7 min ahead of Zoom's.", text, StringComparison.Ordinal);
        Assert.Contains("estimate when it signed (60 ms) was out of date", text, StringComparison.Ordinal);
        Assert.EndsWith("attempt 2 succeeded.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("likelier cause", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_the_server_was_behind_when_the_signature_had_already_expired_on_zooms_clock()
    {
        var failed = AttemptData.Failed(3705, zoomOffsetMs: 3 * 3_600_000 + 60_000);

        var text = JoinDiagnosis.Describe(failed, [failed]);

        Assert.StartsWith("Zoom rejected the signature: it had already expired on Zoom's clock (3705): this server's clock was 3 h 1 min behind Zoom's.", text, StringComparison.Ordinal);
        Assert.Contains("The join did not succeed.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_at_key_secret_or_meeting_number_when_the_clocks_agreed()
    {
        var failed = AttemptData.Failed(3712, zoomOffsetMs: 800);

        var text = JoinDiagnosis.Describe(failed, [failed]);

        Assert.Contains("agreed with Zoom's", text, StringComparison.Ordinal);
        Assert.Contains("wrong SDK key or secret, meeting number or role is the likelier cause", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ahead of", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_the_clock_was_not_measured_when_no_offset_was_recorded()
    {
        var failed = AttemptData.Failed(3712);

        Assert.Contains("had not been measured", JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
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
        var failed = AttemptData.Failed(1, message: "Fail to join the meeting.");

        Assert.Contains("The SDK said: “Fail to join the meeting.”", JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_old_sdks_expired_message_under_code_1_as_a_clock_problem()
    {
        var failed = AttemptData.Failed(1, message: "The signature has expired.", zoomOffsetMs: 600_000);

        Assert.StartsWith("Zoom rejected the signature: it had already expired on Zoom's clock (1): this server's clock was 10 min behind Zoom's.",
            JoinDiagnosis.Describe(failed, [failed]), StringComparison.Ordinal);
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
