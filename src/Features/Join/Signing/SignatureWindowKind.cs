namespace ZoomPortal.Features.Join.Signing;

/// <summary>Why a signature's window lies where it does; recorded on each attempt.</summary>
public enum SignatureWindowKind
{
    /// <summary>Around the measured Zoom clock: <c>iat</c> backdated by the margin, <c>exp</c> a lifetime later.</summary>
    Measured,

    /// <summary>Zoom said "invalid" (3712, <c>iat</c> in its future) and re-measuring did not explain it: <c>iat</c> moved earlier.</summary>
    WidenedEarlier,

    /// <summary>Zoom said "expired" (3705) and re-measuring did not explain it: <c>exp</c> moved later.</summary>
    WidenedLater,

    /// <summary>Zoom rejected signatures in both directions: the window spans what is left between them.</summary>
    Bracketed,
}
