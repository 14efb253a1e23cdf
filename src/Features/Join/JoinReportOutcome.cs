using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Features.Join;

/// <summary>The server's answer to one attempt report: the classified error (null on success) and what follows.</summary>
public sealed record JoinReportOutcome(JoinErrorInfo? Error, JoinNextStep Next)
{
    public static readonly JoinReportOutcome Joined = new(null, JoinNextStep.InMeeting);

    /// <summary>A report the server does not accept (not this user's join, out of range): the page stops.</summary>
    public static readonly JoinReportOutcome Rejected = new(null, JoinNextStep.Stop);
}
