namespace ZoomPortal.Features.Meetings;

/// <summary>Zoom's meeting and occurrence status values the portal acts on.</summary>
public static class MeetingStatuses
{
    public const string Waiting = "waiting";
    public const string Started = "started";
    public const string Deleted = "deleted";
}
