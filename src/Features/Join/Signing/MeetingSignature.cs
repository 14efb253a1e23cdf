using System.Globalization;

namespace ZoomPortal.Features.Join.Signing;

/// <summary>A Meeting SDK signature and what went into it. <see cref="ToString"/> leaves the token out.</summary>
/// <param name="Token">The signed JWT for <c>join({ signature })</c>. A credential: never log or store it.</param>
/// <param name="MeetingNumber">The <c>mn</c> claim.</param>
/// <param name="Role">The <c>role</c> claim.</param>
/// <param name="IssuedAt">The <c>iat</c> claim, backdated on Zoom's clock.</param>
/// <param name="ExpiresAt">The <c>exp</c> and <c>tokenExp</c> claims.</param>
/// <param name="ClockOffsetUsed">Zoom's clock minus this server's, as estimated when signing.</param>
/// <param name="ClockUncertainty">How far that estimate may be off; <c>iat</c> was backdated by it too.</param>
/// <param name="Window">Why the window lies where it does (around the measurement, or widened after rejections).</param>
/// <param name="SignedAt">This server's clock when it signed: the window's reference point.</param>
public sealed record MeetingSignature(
    string Token,
    long MeetingNumber,
    ZoomRole Role,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    TimeSpan ClockOffsetUsed,
    TimeSpan ClockUncertainty,
    SignatureWindowKind Window,
    DateTimeOffset SignedAt)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MeetingSignature {{ MeetingNumber = {MeetingNumber}, Role = {Role}, IssuedAt = {IssuedAt:O}, ExpiresAt = {ExpiresAt:O}, ClockOffsetUsed = {ClockOffsetUsed}, ClockUncertainty = {ClockUncertainty}, Window = {Window} }}");
}
