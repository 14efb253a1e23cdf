namespace ZoomPortal.Features.Join.Signing;

/// <summary>What the signer needs to know about a join's earlier attempts to place the next signature's window.</summary>
/// <param name="Rejections">How Zoom rejected the join's earlier signatures (3712/3705), oldest first.</param>
/// <param name="LastAttempt">No attempt follows this one (<c>Join:MaxAttempts</c>).</param>
/// <param name="MaxWindow">The widest window allowed (<c>Join:MaxSignatureWindow</c>).</param>
public sealed record SignatureHistory(IReadOnlyList<SignatureRejection> Rejections, bool LastAttempt, TimeSpan MaxWindow);
