namespace ZoomPortal.Features.Meetings;

public enum MeetingPhase
{
    Live,
    Upcoming,
    Past,
}
