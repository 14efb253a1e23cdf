namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// The window of each attempt's signature. Zoom checks only <c>iat ≤ its now &lt; exp</c> and 1800 s ≤ <c>exp − iat</c> ≤ 48 h,
/// against its web servers' clock, which may disagree with the clock its API shows (the one the portal measures).
/// Attempt 1 signs around the measured clock. After the first rejection, a re-measured clock that explains it (it moved
/// by at least the margin in the direction Zoom pointed) gets one more window around the new measurement. Otherwise the
/// window widens in the direction Zoom pointed, starting just short of what Zoom already refused: twice the lifetime
/// per rejection so far, and on the last attempt as wide as <c>Join:MaxSignatureWindow</c> allows, so that with the
/// default 48 h any disagreement within ±24 h gets in within 3 attempts.
/// </summary>
public static class SignatureWindowSchedule
{
    /// <summary>Zoom's shortest window (exp − iat ≥ 1800 s).</summary>
    public static readonly TimeSpan ZoomMinimum = TimeSpan.FromSeconds(1800);

    /// <summary>Zoom's longest window (exp − iat ≤ 48 h).</summary>
    public static readonly TimeSpan ZoomMaximum = TimeSpan.FromHours(48);

    /// <summary>
    /// How far a widened window reaches past the bound Zoom gave: Zoom checks a signature seconds after it was signed
    /// (minutes on a slow phone), so an <c>exp</c> must still be ahead of Zoom's clock then, and an "expired" answer only
    /// says Zoom's clock was past <c>exp</c> when it checked, not when the portal signed.
    /// </summary>
    public static readonly TimeSpan Reach = TimeSpan.FromMinutes(5);

    /// <param name="offset">Zoom's clock minus this server's, as measured now.</param>
    /// <param name="margin">How far <c>iat</c> is backdated around the measurement (the margin plus its uncertainty).</param>
    /// <param name="lifetime">exp − iat around the measurement (<c>Zoom:MeetingSdk:SignatureLifetime</c>).</param>
    /// <param name="maxWindow">The widest window allowed (<c>Join:MaxSignatureWindow</c>, at most 48 h).</param>
    /// <param name="rejections">How Zoom rejected this join's earlier signatures (3712/3705), oldest first.</param>
    /// <param name="lastAttempt">No attempt follows this one: widen as far as allowed.</param>
    public static SignatureWindow Plan(TimeSpan offset, TimeSpan margin, TimeSpan lifetime, TimeSpan maxWindow, IReadOnlyList<SignatureRejection> rejections, bool lastAttempt)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        var cap = Clamp(maxWindow, ZoomMinimum, ZoomMaximum);
        var start = offset - (margin < TimeSpan.Zero ? TimeSpan.Zero : margin);
        var measured = new SignatureWindow(start, start + Clamp(lifetime, ZoomMinimum, cap), SignatureWindowKind.Measured);

        // Zoom's clock lies before every "invalid" window's start and at or after every "expired" window's end.
        TimeSpan? before = rejections.Where(r => !r.Expired).Select(r => (TimeSpan?)r.Start).Min();
        TimeSpan? atOrAfter = rejections.Where(r => r.Expired).Select(r => (TimeSpan?)r.End).Max();
        var explained = rejections.Count == 1 && !lastAttempt &&
            (before is not { } b || measured.Start <= b - margin) && (atOrAfter is not { } a || measured.End >= a + margin);
        if (rejections.Count == 0 || explained)
        {
            return measured;
        }

        var width = lastAttempt ? cap : Clamp(lifetime * Math.Pow(2, rejections.Count), ZoomMinimum, cap);
        return (before, atOrAfter) switch
        {
            ({ } end, null) => new SignatureWindow(end + Reach - width, end + Reach, SignatureWindowKind.WidenedEarlier),
            (null, { } from) => new SignatureWindow(from - Reach, from - Reach + width, SignatureWindowKind.WidenedLater),
            ({ } end, { } from) => new SignatureWindow(from - Reach, from - Reach + Clamp(end - from + (2 * Reach), ZoomMinimum, cap), SignatureWindowKind.Bracketed),
            _ => measured,
        };
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
