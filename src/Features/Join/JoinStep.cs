namespace ZoomPortal.Features.Join;

/// <summary>Where the join page is; the steps the browser may report are marked in <see cref="JoinSteps.Reportable"/>.</summary>
public enum JoinStep
{
    Ready,
    LoadingZoom,
    GettingSignature,
    Joining,
    Retrying,
    WaitingForHost,
    NeedPasscode,
    InMeeting,
    Stopped,
    Refused,

    /// <summary>Joining opens later (<see cref="JoinWindow.OpensAt"/>); the page enables Join by itself then.</summary>
    NotYetOpen,

    /// <summary>The meeting has ended: nothing to join.</summary>
    Ended,

    /// <summary>The user cancelled a pending join; the join ended as abandoned.</summary>
    Cancelled,
}

public static class JoinSteps
{
    /// <summary>Steps the module may set through ReportProgress; the others only the server sets.</summary>
    public static readonly IReadOnlySet<JoinStep> Reportable = new HashSet<JoinStep>
    {
        JoinStep.LoadingZoom, JoinStep.GettingSignature, JoinStep.Joining, JoinStep.Retrying, JoinStep.WaitingForHost,
    };

    /// <summary>A join is under way but not in the meeting: the page offers Cancel (<see cref="JoinFlow.CanCancel"/>).</summary>
    public static readonly IReadOnlySet<JoinStep> Pending = new HashSet<JoinStep>
    {
        JoinStep.LoadingZoom, JoinStep.GettingSignature, JoinStep.Joining, JoinStep.Retrying, JoinStep.WaitingForHost,
    };

    public static bool TryParseReported(string? value, out JoinStep step)
    {
        step = JoinStep.Ready;
        return value is { Length: <= 32 } && Enum.TryParse(value, ignoreCase: false, out step) &&
            Enum.IsDefined(step) && Reportable.Contains(step) && !value.Any(char.IsDigit);
    }
}
