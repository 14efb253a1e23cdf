using System.Globalization;
using System.Text;
using ZoomPortal.Features.Join.Attempts;
using ZoomPortal.Features.Join.Errors;

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

    private static string Succeeded(JoinAttempt attempt) =>
        attempt.TimeToJoinMs is { } ms
            ? string.Create(CultureInfo.InvariantCulture, $"Joined on attempt {attempt.AttemptNumber}, {DurationText.FromMilliseconds(ms)} after clicking Join.")
            : string.Create(CultureInfo.InvariantCulture, $"Joined on attempt {attempt.AttemptNumber}.");

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

    private static string Signature(JoinAttempt attempt, int code, JoinAttempt? success, IReadOnlyList<JoinAttempt> siblings)
    {
        var expired = code == 3705 || (attempt.ErrorMessage?.Contains("expired", StringComparison.OrdinalIgnoreCase) ?? false);
        var retried = success is null ? Outcome(attempt, null, null) : string.Create(CultureInfo.InvariantCulture, $" The portal corrected it and attempt {success.AttemptNumber} succeeded.");

        // The offset an attempt records is what the server believed when it signed. After a signature error the portal
        // re-measures, so the next attempt's offset is the better witness of the clock Zoom really had.
        var remeasured = siblings
            .Where(s => s.AttemptNumber > attempt.AttemptNumber && s.ZoomClockOffsetMs is not null)
            .MinBy(s => s.AttemptNumber);
        var offsetMs = attempt.ZoomClockOffsetMs;
        var stale = false;
        if (remeasured?.ZoomClockOffsetMs is { } later &&
            (offsetMs is not { } used || TimeSpan.FromMilliseconds(Math.Abs(later - used)) >= ClockAgreement))
        {
            stale = offsetMs is not null;
            offsetMs = later;
        }

        if (offsetMs is not { } knownMs)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Zoom rejected the signature ({code}), and Zoom's clock had not been measured, so a clock difference cannot be told apart from a wrong SDK key, secret or meeting number.") + retried;
        }

        var offset = TimeSpan.FromMilliseconds(knownMs);
        if (offset.Duration() < ClockAgreement)
        {
            var within = DurationText.FromMilliseconds(knownMs);
            var uncertainty = attempt.ZoomClockUncertaintyMs is { } u ? $" (± {DurationText.FromMilliseconds(u)})" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture,
                $"Zoom rejected the signature ({code}), but this server's clock agreed with Zoom's (they differed by {within}{uncertainty}), so a wrong SDK key or secret, meeting number or role is the likelier cause.") + retried;
        }

        // Offset is Zoom minus server: negative means this server is ahead of Zoom.
        var serverAhead = knownMs < 0;
        var skew = $"this server's clock was {DurationText.Format(offset)} {(serverAhead ? "ahead of" : "behind")} Zoom's";
        var lead = expired
            ? "Zoom rejected the signature: it had already expired on Zoom's clock"
            : serverAhead ? "Zoom rejected the signature as not yet valid" : "Zoom rejected the signature as invalid";
        var staleNote = stale
            ? string.Create(CultureInfo.InvariantCulture,
                $" The portal's estimate when it signed ({DurationText.FromMilliseconds(attempt.ZoomClockOffsetMs!.Value)}) was out of date: the clocks had drifted since its last measurement, and it re-measured after Zoom's answer.")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{lead} ({code}): {skew}.") + staleNote + retried;
    }

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
