namespace ZoomPortal.Features.Join.Signing;

/// <summary>The outcome of <see cref="SignaturePolicy.Decide"/>, with a reason that can be shown to the user.</summary>
public sealed record SignatureDecision(SignatureRefusal Refusal)
{
    public static readonly SignatureDecision Allowed = new(SignatureRefusal.None);

    public bool IsAllowed => Refusal == SignatureRefusal.None;

    public string Reason => Refusal switch
    {
        SignatureRefusal.None => "Allowed.",
        SignatureRefusal.NotSignedIn => "Sign in to join this meeting.",
        SignatureRefusal.MeetingNotVisible => "This meeting is not available to you.",
        SignatureRefusal.NotMeetingHost => "Only the meeting's host can start it.",
        _ => "Refused.",
    };
}
