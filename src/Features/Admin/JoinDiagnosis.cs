using System.Text;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Admin;

/// <summary>Explains a join attempt to an administrator in plain words, from its record and its join's other attempts.</summary>
public static class JoinDiagnosis
{
    /// <summary>Below this, Zoom's and this server's clocks are said to agree (Zoom allows a little leeway).</summary>
    public static readonly TimeSpan ClockAgreement = TimeSpan.FromSeconds(30);

    /// <summary>A browser clock further off than this gets a note.</summary>
    public static readonly TimeSpan BrowserClockNotable = TimeSpan.FromMinutes(2);

    // The admin's language (the current UI culture); numbers and durations stay as the log shows them.
    private static StaticText L => StaticText.Instance;

    public static string Describe(JoinAttempt attempt, IReadOnlyList<JoinAttempt> attemptsOfSameJoin)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(attemptsOfSameJoin);
        var text = new StringBuilder(attempt.Outcome switch
        {
            JoinAttemptOutcome.Succeeded => Succeeded(attempt),
            JoinAttemptOutcome.InProgress => L["Diagnosis.InProgress"],
            JoinAttemptOutcome.Abandoned => L["Diagnosis.Abandoned"],
            _ => Failed(attempt, attemptsOfSameJoin),
        });

        if (attempt.BrowserClockOffsetMs is { } browser && TimeSpan.FromMilliseconds(Math.Abs(browser)) >= BrowserClockNotable)
        {
            text.Append(' ').Append(browser > 0
                ? L["Diagnosis.BrowserAhead", DurationText.FromMilliseconds(browser)]
                : L["Diagnosis.BrowserBehind", DurationText.FromMilliseconds(browser)]);
        }

        return text.ToString();
    }

    private static string Succeeded(JoinAttempt attempt)
    {
        var widened = attempt.SignatureWindow switch
        {
            SignatureWindowKind.WidenedEarlier => " " + L["Diagnosis.WidenedEarlier"],
            SignatureWindowKind.WidenedLater => " " + L["Diagnosis.WidenedLater"],
            SignatureWindowKind.Bracketed => " " + L["Diagnosis.Bracketed"],
            _ => string.Empty,
        };
        return attempt.TimeToJoinMs is { } ms
            ? L["Diagnosis.JoinedAfter", attempt.AttemptNumber, widened, DurationText.FromMilliseconds(ms)]
            : L["Diagnosis.Joined", attempt.AttemptNumber, widened];
    }

    private static string Failed(JoinAttempt attempt, IReadOnlyList<JoinAttempt> siblings)
    {
        if (attempt.ErrorCode is not { } code)
        {
            return L["Diagnosis.NoErrorCode"] + Quote(attempt.ErrorMessage);
        }

        var info = JoinErrorCatalog.Classify(code, attempt.ErrorMessage);
        var success = siblings
            .Where(s => s.AttemptNumber > attempt.AttemptNumber && s.Outcome == JoinAttemptOutcome.Succeeded)
            .MinBy(s => s.AttemptNumber);
        var after = success is null ? null : Delay(attempt, success);

        if (info.Name == "UNKNOWN")
        {
            return info.AdminDiagnosis + Quote(attempt.ErrorMessage) + Outcome(attempt, success, after);
        }

        return info.Category switch
        {
            JoinErrorCategory.Signature => Signature(attempt, code, success, siblings),
            JoinErrorCategory.NotStarted when success is not null =>
                info.AdminDiagnosis.TrimEnd('.') + (after is null ? L["Diagnosis.JoinedAutomatically"] : L["Diagnosis.JoinedAutomaticallyLater", after]),
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
        var lead = expired ? L["Diagnosis.SignatureExpired", code] : L["Diagnosis.SignatureNotYetValid", code];
        var outcome = success is null ? Outcome(attempt, null, null) : " " + L["Diagnosis.AttemptSucceeded", success.AttemptNumber];
        if (attempt.ZoomClockOffsetMs is not { } usedMs)
        {
            return L["Diagnosis.NotMeasured", lead] + outcome;
        }

        var later = siblings.Where(s => s.AttemptNumber > attempt.AttemptNumber).OrderBy(s => s.AttemptNumber).ToList();
        var remeasuredMs = later.FirstOrDefault(s => s.ZoomClockOffsetMs is not null)?.ZoomClockOffsetMs;

        // The re-measured clock moved the way Zoom pointed: this server's clock had drifted since the portal last measured.
        if (remeasuredMs is { } nowMs && TimeSpan.FromMilliseconds(Math.Abs(nowMs - usedMs)) >= ClockAgreement && (expired ? nowMs > usedMs : nowMs < usedMs))
        {
            var skew = nowMs < 0
                ? L["Diagnosis.ServerAhead", DurationText.FromMilliseconds(nowMs)]
                : L["Diagnosis.ServerBehind", DurationText.FromMilliseconds(nowMs)];
            return L["Diagnosis.Drifted", lead, skew, DurationText.FromMilliseconds(usedMs)]
                + (success is null ? outcome : " " + L["Diagnosis.SignedAgainSucceeded", success.AttemptNumber]);
        }

        var corrected = L["Diagnosis.Corrected", lead, Signed(usedMs) + (remeasuredMs is { } r ? L["Diagnosis.Remeasured", Signed(r)] : string.Empty)];
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
            return expired
                ? L["Diagnosis.WidenedInAhead", corrected, success.AttemptNumber, DurationText.Format(Positive(least)), DurationText.Format(Positive(most))]
                : L["Diagnosis.WidenedInBehind", corrected, success.AttemptNumber, DurationText.Format(Positive(least)), DurationText.Format(Positive(most))];
        }

        if (expired)
        {
            return L["Diagnosis.ExpiredIsClock", corrected] + outcome;
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
            return L["Diagnosis.LikelyKey", corrected, DurationText.Format(reach)] + outcome;
        }

        return L["Diagnosis.WebBehind", corrected, DurationText.Format(reach)] + outcome
            + (success is null ? " " + L["Diagnosis.WidenFurther"] : string.Empty);
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
            ? L["Diagnosis.ClocksAgreed", DurationText.FromMilliseconds(offsetMs)]
            : offsetMs < 0
                ? L["Diagnosis.ZoomBehind", DurationText.FromMilliseconds(offsetMs)]
                : L["Diagnosis.ZoomAhead", DurationText.FromMilliseconds(offsetMs)];

    private static string Outcome(JoinAttempt attempt, JoinAttempt? success, string? after)
    {
        if (success is not null)
        {
            return " " + (after is null ? L["Diagnosis.AttemptSucceeded", success.AttemptNumber] : L["Diagnosis.AttemptSucceededLater", success.AttemptNumber, after]);
        }

        return attempt.JoinOutcome switch
        {
            JoinAttemptOutcome.Succeeded => " " + L["Diagnosis.SucceededLater"],
            JoinAttemptOutcome.Failed => " " + L["Diagnosis.DidNotSucceed"],
            JoinAttemptOutcome.Abandoned => " " + L["Diagnosis.GaveUp"],
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
        " " + (string.IsNullOrWhiteSpace(message) ? L["Diagnosis.NoSdkMessage"] : L["Diagnosis.SdkSaid", message.Trim()]);
}
