namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// A signature's time window relative to this server's clock when it was signed: <c>iat = serverNow + Start</c>,
/// <c>exp = serverNow + End</c>. Zoom accepts the signature when its web clock, <c>serverNow + skew</c>, lies in
/// [Start, End) and the window lasts 1800 s to 48 h.
/// </summary>
public sealed record SignatureWindow(TimeSpan Start, TimeSpan End, SignatureWindowKind Kind)
{
    public TimeSpan Length => End - Start;

    /// <summary>Zoom, its web clock <paramref name="skew"/> from this server's, would accept the window.</summary>
    public bool Admits(TimeSpan skew) => Start <= skew && skew < End;
}
