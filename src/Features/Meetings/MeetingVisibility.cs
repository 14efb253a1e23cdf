namespace ZoomPortal.Features.Meetings;

/// <summary>Who sees a meeting besides its host and admins.</summary>
public enum MeetingVisibility
{
    AllSignedIn = 0,
    Groups = 1,
}
