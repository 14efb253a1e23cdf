namespace ZoomPortal.Features.Meetings;

/// <summary>A group (a value of the user's <c>group</c> claim) a restricted meeting is shared with.</summary>
public sealed class MeetingGroup
{
    public const int MaxNameLength = 64;

    public long MeetingId { get; set; }

    public required string Name { get; set; }
}
