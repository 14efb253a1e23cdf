namespace ZoomPortal.Features.Meetings;

/// <summary>What a catalog sync did.</summary>
public sealed record MeetingSyncResult(MeetingSyncOutcome Outcome, int Added = 0, int Updated = 0, int Unchanged = 0, int Removed = 0, int Failed = 0)
{
    public static readonly MeetingSyncResult AlreadyRunning = new(MeetingSyncOutcome.AlreadyRunning);
    public static readonly MeetingSyncResult ZoomNotConnected = new(MeetingSyncOutcome.ZoomNotConnected);
    public static readonly MeetingSyncResult NoZoomUser = new(MeetingSyncOutcome.NoZoomUser);
}

public enum MeetingSyncOutcome
{
    Completed,

    /// <summary>Another sync was running; this one did nothing (they never overlap).</summary>
    AlreadyRunning,

    /// <summary>No <see cref="ZoomPortal.Zoom.IZoomApi"/> is registered on this instance.</summary>
    ZoomNotConnected,

    /// <summary>A host asked for their own meetings but no Zoom user has their e-mail.</summary>
    NoZoomUser,
}
