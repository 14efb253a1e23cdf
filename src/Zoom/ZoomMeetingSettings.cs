namespace ZoomPortal.Zoom;

/// <summary>The meeting settings the portal cares about, from <c>Get a meeting</c>.</summary>
public sealed record ZoomMeetingSettings(bool HostVideo, bool ParticipantVideo, bool JoinBeforeHost, bool WaitingRoom, bool MuteUponEntry, int ApprovalType);
