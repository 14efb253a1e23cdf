using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Tests.Features.Join.Signing;

public sealed class SignaturePolicyTests
{
    [Theory]
    [InlineData(false, true, true, 0, SignatureRefusal.NotSignedIn)]
    [InlineData(false, true, true, 1, SignatureRefusal.NotSignedIn)]
    [InlineData(false, false, false, 0, SignatureRefusal.NotSignedIn)]
    [InlineData(true, false, false, 0, SignatureRefusal.MeetingNotVisible)]
    [InlineData(true, false, true, 1, SignatureRefusal.MeetingNotVisible)]
    [InlineData(true, true, false, 1, SignatureRefusal.NotMeetingHost)]
    [InlineData(true, true, false, 0, SignatureRefusal.None)]
    [InlineData(true, true, true, 0, SignatureRefusal.None)]
    [InlineData(true, true, true, 1, SignatureRefusal.None)]
    public void Decides_who_may_have_which_role(bool isSignedIn, bool canSeeMeeting, bool isMeetingHost, int requestedRole, SignatureRefusal expected)
    {
        var decision = SignaturePolicy.Decide(isSignedIn, canSeeMeeting, isMeetingHost, ZoomRole.FromValue(requestedRole));

        Assert.Equal(expected, decision.Refusal);
        Assert.Equal(expected == SignatureRefusal.None, decision.IsAllowed);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_role_other_than_0_or_1_cannot_exist(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ZoomRole.FromValue(value));
}
