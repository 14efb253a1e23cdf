using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Join.Signing;

/// <summary>The outcome of <see cref="SignaturePolicy.Decide"/>, with a reason that can be shown to the user.</summary>
public sealed record SignatureDecision(SignatureRefusal Refusal)
{
    public static readonly SignatureDecision Allowed = new(SignatureRefusal.None);

    public bool IsAllowed => Refusal == SignatureRefusal.None;

    /// <summary>The reason in the current UI culture.</summary>
    public string Reason => Refusal switch
    {
        SignatureRefusal.None => L["Join.Refusal.Allowed"],
        SignatureRefusal.NotSignedIn => L["Join.Refusal.NotSignedIn"],
        SignatureRefusal.MeetingNotVisible => L["Join.Refusal.NotVisible"],
        SignatureRefusal.NotMeetingHost => L["Join.Refusal.NotHost"],
        _ => L["Join.Refusal.Refused"],
    };

    private static StaticText L => StaticText.Instance;
}
