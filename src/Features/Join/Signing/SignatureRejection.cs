namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// What an earlier attempt of the same join taught about Zoom's web clock: its window (relative to this server's
/// clock when signed) and how Zoom rejected it. 3712 means Zoom's clock was before <see cref="Start"/>; 3705 means
/// it was at or after <see cref="End"/>.
/// </summary>
public sealed record SignatureRejection(TimeSpan Start, TimeSpan End, bool Expired);
