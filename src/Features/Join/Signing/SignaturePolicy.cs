namespace ZoomPortal.Features.Join.Signing;

/// <summary>Who may have a signature for which role. Pure, so the join endpoint and its tests share one rule.</summary>
public static class SignaturePolicy
{
    /// <param name="isSignedIn">The caller is authenticated.</param>
    /// <param name="canSeeMeeting">The portal shows this meeting to the caller.</param>
    /// <param name="isMeetingHost">The caller is this meeting's Zoom host.</param>
    /// <param name="requestedRole">0 participant, 1 host.</param>
    public static SignatureDecision Decide(bool isSignedIn, bool canSeeMeeting, bool isMeetingHost, int requestedRole)
    {
        if (!isSignedIn)
        {
            return new SignatureDecision(SignatureRefusal.NotSignedIn);
        }

        if (requestedRole is not (0 or 1))
        {
            return new SignatureDecision(SignatureRefusal.InvalidRole);
        }

        if (!canSeeMeeting)
        {
            return new SignatureDecision(SignatureRefusal.MeetingNotVisible);
        }

        return requestedRole == 1 && !isMeetingHost ? new SignatureDecision(SignatureRefusal.NotMeetingHost) : SignatureDecision.Allowed;
    }
}
