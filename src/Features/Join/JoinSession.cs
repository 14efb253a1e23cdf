using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Features.Join;

/// <summary>
/// One click on Join or Start, made by <see cref="JoinService.StartJoinAsync"/> and held by the page's circuit only.
/// The browser sees the join id and support code, never anything it could use to sign.
/// </summary>
/// <param name="Refusal">Why the user may not join; <see cref="SignatureRefusal.None"/> when they may.</param>
/// <param name="PasscodeKnown">The catalog holds the passcode, so the server supplies it at signing time.</param>
public sealed record JoinSession(
    Guid JoinId,
    string SupportCode,
    long MeetingId,
    JoinKind Kind,
    string UserId,
    string Topic,
    string DisplayName,
    bool PasscodeKnown,
    SignatureRefusal Refusal)
{
    public bool IsAllowed => Refusal == SignatureRefusal.None;

    public ZoomRole Role => ZoomRole.For(Kind);
}
