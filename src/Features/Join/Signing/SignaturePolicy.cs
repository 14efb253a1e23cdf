namespace ZoomPortal.Features.Join.Signing;

/// <summary>Who may have a signature for which role. Pure, so the join service and its tests share one rule.</summary>
public static class SignaturePolicy
{
    /// <param name="isSignedIn">The caller is authenticated.</param>
    /// <param name="canSeeMeeting">The portal shows this meeting to the caller.</param>
    /// <param name="isMeetingHost">The caller is this meeting's Zoom host (<c>MeetingAccess.IsHost</c>).</param>
    /// <param name="requestedRole">Participant or host.</param>
    public static SignatureDecision Decide(bool isSignedIn, bool canSeeMeeting, bool isMeetingHost, ZoomRole requestedRole)
    {
        if (!isSignedIn)
        {
            return new SignatureDecision(SignatureRefusal.NotSignedIn);
        }

        if (!canSeeMeeting)
        {
            return new SignatureDecision(SignatureRefusal.MeetingNotVisible);
        }

        return requestedRole.IsHost && !isMeetingHost ? new SignatureDecision(SignatureRefusal.NotMeetingHost) : SignatureDecision.Allowed;
    }
}
