namespace ZoomPortal.Features.Join.Signing;

/// <summary>Why a signature was refused; <see cref="None"/> when it was allowed.</summary>
public enum SignatureRefusal
{
    None,
    NotSignedIn,
    MeetingNotVisible,
    NotMeetingHost,
}
