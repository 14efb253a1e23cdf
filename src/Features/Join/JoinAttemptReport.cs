using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Join;

/// <summary>
/// What the page reports about one attempt, after <see cref="TryCreate"/> checked it: the browser sends it, so
/// every field is hostile until then. No error code means the attempt got in.
/// </summary>
/// <param name="TimeToJoinMs">From the click on Join to the SDK's success; only on success.</param>
public sealed record JoinAttemptReport(
    int AttemptNumber,
    int? ErrorCode,
    string? ErrorMessage,
    string? SdkVersion,
    string? SdkView,
    long? BrowserClockOffsetMs,
    long? TimeToJoinMs = null)
{
    public const int MaxMessageLength = 500;
    public const int MaxVersionLength = 32;
    public const int MaxAttemptNumber = 1000;

    /// <summary>Component and Client are the two SDK views; Sandbox is the stand-in used in Sandbox mode.</summary>
    public static readonly IReadOnlyList<string> Views = ["Component", "Client", "Sandbox"];

    // A day either way: anything beyond that is not a clock, it is a made-up number.
    private const long MaxClockOffsetMs = 86_400_000;

    public bool Succeeded => ErrorCode is null;

    /// <summary>Null when the input is out of range: unknown view, attempt out of range, over-long version…</summary>
    public static JoinAttemptReport? TryCreate(
        int attemptNumber, int? errorCode, string? errorMessage, string? sdkVersion, string? sdkView, long? browserClockOffsetMs, long? timeToJoinMs = null)
    {
        if (attemptNumber is < 1 or > MaxAttemptNumber)
        {
            return null;
        }

        if (sdkVersion is { Length: > MaxVersionLength } || (sdkVersion is not null && !sdkVersion.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+')))
        {
            return null;
        }

        var view = sdkView is null ? null : Views.FirstOrDefault(v => string.Equals(v, sdkView, StringComparison.Ordinal));
        if (sdkView is not null && view is null)
        {
            return null;
        }

        if (browserClockOffsetMs is < -MaxClockOffsetMs or > MaxClockOffsetMs)
        {
            return null;
        }

        // Portal codes are far below Zoom's; anything else outside Zoom's range is noise.
        if (errorCode is { } code && code is < PortalErrorCodes.Abandoned - 10 or > 1_000_000)
        {
            return null;
        }

        // A time to join belongs to a success only, and is never negative.
        if (timeToJoinMs is < 0 || (timeToJoinMs is not null && errorCode is not null))
        {
            return null;
        }

        var message = errorMessage is null ? null : Trim(errorMessage);
        return new JoinAttemptReport(attemptNumber, errorCode, message, sdkVersion, view, browserClockOffsetMs, timeToJoinMs);
    }

    /// <summary>
    /// Control and format characters (bidi overrides, zero-width) are removed and runs of white space become one space,
    /// so a stored message reads the same in the admin pages and the CSV as it did in the browser's console.
    /// </summary>
    private static string Trim(string message)
    {
        var clean = new System.Text.StringBuilder(Math.Min(message.Length, MaxMessageLength * 2));
        foreach (var c in message)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.Surrogate)
            {
                if (char.IsWhiteSpace(c))
                {
                    clean.Append(' ');
                }

                continue;
            }

            if (char.IsWhiteSpace(c) && clean.Length > 0 && clean[^1] == ' ')
            {
                continue;
            }

            clean.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var text = clean.ToString().Trim();
        return text.Length > MaxMessageLength ? text[..MaxMessageLength] : text;
    }
}
