namespace ZoomPortal.Features.Join;

/// <summary>Join as a participant (role 0) or start as the meeting's host (role 1 with a ZAK).</summary>
public enum JoinKind
{
    Join,
    Start,
}
