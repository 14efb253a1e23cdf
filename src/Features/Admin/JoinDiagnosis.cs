using System.Globalization;
using System.Text;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Features.Admin;

/// <summary>Explains a join attempt to an administrator in plain words, from its record and its join's other attempts.</summary>
public static class JoinDiagnosis
{
    /// <summary>Below this, Zoom's and this server's clocks are said to agree (Zoom allows a little leeway).</summary>
    public static readonly TimeSpan ClockAgreement = TimeSpan.FromSeconds(30);

    /// <summary>A browser clock further off than this gets a note.</summary>
    public static readonly TimeSpan BrowserClockNotable = TimeSpan.FromMinutes(2);

    public static string Describe(JoinAttempt attempt, IReadOnlyList<JoinAttempt> attemptsOfSameJoin)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(attemptsOfSameJoin);
        var text = new StringBuilder(attempt.Outcome switch
        {
            JoinAttemptOutcome.Succeeded => Succeeded(attempt),
            JoinAttemptOutcome.InProgress => "The attempt has not reported an outcome (still in progress, or the page was closed without a word).",
            JoinAttemptOutcome.Abandoned => "The attendee left the join page before the attempt finished.",
            _ => Failed(attempt, attemptsOfSameJoin),
        });

        if (attempt.BrowserClockOffsetMs is { } browser && TimeSpan.FromMilliseconds(Math.Abs(browser)) >= BrowserClockNotable)
        {
            text.Append(CultureInfo.InvariantCulture,
                $" The browser's clock is {DurationText.FromMilliseconds(browser)} {(browser > 0 ? "ahead" : "behind")}; this does not affect joining, but the attendee's countdown used server time.");
        }

        return text.ToString();
    }

    private static string Succeeded(JoinAttempt attempt)
    {
        var widened = attempt.SignatureWindow switch
        {
            SignatureWindowKind.WidenedEarlier => " with a widened signature window (iat earlier, after Zoom found the last one not yet valid)",
            SignatureWindowKind.WidenedLater => " with a widened signature window (exp later, after Zoom found the last one expired)",
            SignatureWindowKind.Bracketed => " with a signature window between the ones Zoom refused",
            _ => string.Empty,
        };
        return attempt.TimeToJoinMs is { } ms
            ? string.Create(CultureInfo.InvariantCulture, $"Joined on attempt {attempt.AttemptNumber}{widened}, {DurationText.FromMilliseconds(ms)} after clicking Join.")
            : string.Create(CultureInfo.InvariantCulture, $"Joined on attempt {attempt.AttemptNumber}{widened}.");
    }

    private static string Failed(JoinAttempt attempt, IReadOnlyList<JoinAttempt> siblings)
    {
        if (attempt.ErrorCode is not { } code)
        {
            return "The attempt failed without an error code." + Quote(attempt.ErrorMessage);
        }

        var info = JoinErrorCatalog.Classify(code, attempt.ErrorMessage);
        var success = siblings
            .Where(s => s.AttemptNumber > attempt.AttemptNumber && s.Outcome == JoinAttemptOutcome.Succeeded)
            .MinBy(s => s.AttemptNumber);
        var after = success is null ? null : Delay(attempt, success);

        if (info.Name == "UNKNOWN")
        {
            return string.Create(CultureInfo.InvariantCulture, $"Zoom answered with code {code}, which the portal does not know.")
                + Quote(attempt.ErrorMessage) + Outcome(attempt, success, after);
        }

        return info.Category switch
        {
            JoinErrorCategory.Signature => Signature(attempt, code, success, siblings),
            JoinErrorCategory.NotStarted when success is not null =>
                info.AdminDiagnosis.TrimEnd('.') + $"; the attendee was joined automatically{(after is null ? string.Empty : " " + after + " later")}.",
            JoinErrorCategory.Unknown => info.AdminDiagnosis + Quote(attempt.ErrorMessage) + Outcome(attempt, success, after),
            _ => info.AdminDiagnosis + Outcome(attempt, success, after),
        };
    }

    /// <summary>Zoom would not accept a signature for the clock: explained from what was known, never by guessing.</summary>
    /// <remarks>
    /// The evidence: the offset the attempt was signed with (Zoom's API clock minus this server's) and its window; the
    /// offset re-measured after Zoom's answer (the next attempt's); what the next attempts did and whether one got in.
    /// An "expired" answer is always a clock (Zoom's web clock past exp); a wrong key or secret is named only when even a
    /// window reaching a day before Zoom's clock was refused.
    /// </remarks>
    private static string Signature(JoinAttempt attempt, int code, JoinAttempt? success, IReadOnlyList<JoinAttempt> siblings)
    {
        var expired = JoinErrorCatalog.IsExpiredSignature(code, attempt.ErrorMessage);
        var lead = expired
            ? string.Create(CultureInfo.InvariantCulture, $"Zoom said the signature had expired on its clock ({code})")
            : string.Create(CultureInfo.InvariantCulture, $"Zoom rejected the signature as not yet valid on its clock ({code})");
        var outcome = success is null ? Outcome(attempt, null, null) : string.Create(CultureInfo.InvariantCulture, $" Attempt {success.AttemptNumber} succeeded.");
        if (attempt.ZoomClockOffsetMs is not { } usedMs)
        {
            return lead + ", and Zoom's clock had not been measured when the portal signed, so the signature was not corrected for any difference." + outcome;
        }

        var later = siblings.Where(s => s.AttemptNumber > attempt.AttemptNumber).OrderBy(s => s.AttemptNumber).ToList();
        var remeasuredMs = later.FirstOrDefault(s => s.ZoomClockOffsetMs is not null)?.ZoomClockOffsetMs;

        // The re-measured clock moved the way Zoom pointed: this server's clock had drifted since the portal last measured.
        if (remeasuredMs is { } nowMs && TimeSpan.FromMilliseconds(Math.Abs(nowMs - usedMs)) >= ClockAgreement && (expired ? nowMs > usedMs : nowMs < usedMs))
        {
            var skew = string.Create(CultureInfo.InvariantCulture,
                $"this server's clock was {DurationText.FromMilliseconds(nowMs)} {(nowMs < 0 ? "ahead of" : "behind")} Zoom's");
            return string.Create(CultureInfo.InvariantCulture,
                $"{lead}: {skew}. The portal's estimate when it signed ({DurationText.FromMilliseconds(usedMs)}) was out of date: the clocks had drifted since its last measurement, and it re-measured after Zoom's answer.")
                + (success is null ? outcome : string.Create(CultureInfo.InvariantCulture, $" Signed on the new measurement, attempt {success.AttemptNumber} succeeded."));
        }

        var corrected = string.Create(CultureInfo.InvariantCulture,
            $"{lead} although the signature was already corrected for this server's difference from the clock Zoom's API shows ({Signed(usedMs)}{(remeasuredMs is { } r ? $"; re-measured after Zoom's answer: {Signed(r)}" : string.Empty)})");
        var window = Window(attempt);

        // A widened window got in: Zoom's web servers disagreed with its API clock, by at least what the rejection showed
        // and at most what the successful window allowed.
        if (success is { SignatureWindow: not (null or SignatureWindowKind.Measured) } && Window(success) is { } good && window is { } bad)
        {
            var apiMs = remeasuredMs ?? usedMs;
            var checkedAfter = (attempt.FinishedAt ?? attempt.StartedAt) - attempt.StartedAt;
            var (least, most) = expired
                ? (bad.End - checkedAfter - Ms(apiMs), good.End - Ms(apiMs))
                : (Ms(apiMs) - bad.Start, Ms(apiMs) - good.Start);
            return string.Create(CultureInfo.InvariantCulture,
                $"{corrected}. The portal widened the signature's time window ({(expired ? "exp later" : "iat earlier")}) and attempt {success.AttemptNumber} got in, so Zoom's web servers were at least {DurationText.Format(Positive(least))} and at most {DurationText.Format(Positive(most))} {(expired ? "ahead of" : "behind")} its API clock.");
        }

        if (expired)
        {
            return corrected + ": Zoom's web servers' clock was already past the signature's exp, ahead of the clock its API shows. An expired signature is a clock problem, never a wrong SDK key or secret." + outcome;
        }

        // How far before the API clock the join's windows reached, and whether Zoom refused even that.
        var reach = siblings
            .Where(s => s.Outcome == JoinAttemptOutcome.Failed && s.ErrorCode is { } c && !JoinErrorCatalog.IsExpiredSignature(c, s.ErrorMessage) &&
                        s.ErrorCategory == JoinErrorCategory.Signature && s.ZoomClockOffsetMs is { } o && Window(s) is not null)
            .Select(s => Ms(s.ZoomClockOffsetMs!.Value) - Window(s)!.Start)
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
        if (reach >= WideEnough)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{corrected}, and Zoom refused even a signature valid from {DurationText.Format(reach)} before that clock: no clock difference within a day explains it, so a wrong SDK key or secret (Zoom:MeetingSdk:ClientId/ClientSecret), meeting number or role is the likely cause.") + outcome;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{corrected}: Zoom's web servers' clock was behind the clock its API shows (the forum's load-balancer case), and the widest window tried reached {DurationText.Format(reach)} before it.") + outcome
            + (success is null ? " A larger Join:MaxSignatureWindow or Join:MaxAttempts lets the portal widen further." : string.Empty);
    }

    /// <summary>A window reaching this far before Zoom's API clock rules the clock out (Zoom:Sandbox and the schedule cover ±24 h).</summary>
    private static readonly TimeSpan WideEnough = TimeSpan.FromHours(23);

    private static SignatureWindow? Window(JoinAttempt a) =>
        a.SignatureIssuedAt is { } iat && a.SignatureExpiresAt is { } exp
            ? new SignatureWindow(iat - a.StartedAt, exp - a.StartedAt, a.SignatureWindow ?? SignatureWindowKind.Measured)
            : null;

    private static TimeSpan Ms(long milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static string Signed(long offsetMs) =>
        TimeSpan.FromMilliseconds(Math.Abs(offsetMs)) < ClockAgreement
            ? string.Create(CultureInfo.InvariantCulture, $"the clocks agreed within {DurationText.FromMilliseconds(offsetMs)}")
            : string.Create(CultureInfo.InvariantCulture, $"Zoom {DurationText.FromMilliseconds(offsetMs)} {(offsetMs < 0 ? "behind" : "ahead")}");

    private static string Outcome(JoinAttempt attempt, JoinAttempt? success, string? after)
    {
        if (success is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $" Attempt {success.AttemptNumber} succeeded{(after is null ? string.Empty : " " + after + " later")}.");
        }

        return attempt.JoinOutcome switch
        {
            JoinAttemptOutcome.Succeeded => " The join succeeded later.",
            JoinAttemptOutcome.Failed => " The join did not succeed.",
            JoinAttemptOutcome.Abandoned => " The attendee gave up.",
            _ => string.Empty,
        };
    }

    private static string? Delay(JoinAttempt failed, JoinAttempt success)
    {
        var end = success.FinishedAt ?? success.StartedAt;
        var start = failed.FinishedAt ?? failed.StartedAt;
        var delay = end - start;
        return delay > TimeSpan.Zero ? DurationText.Format(delay) : null;
    }

    private static string Quote(string? message) =>
        string.IsNullOrWhiteSpace(message) ? " The SDK gave no message." : $" The SDK said: “{message.Trim()}”.";
}
