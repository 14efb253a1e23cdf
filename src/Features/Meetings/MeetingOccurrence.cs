namespace ZoomPortal.Features.Meetings;

/// <summary>One occurrence of a recurring meeting.</summary>
public sealed class MeetingOccurrence
{
    public long MeetingId { get; set; }

    public required string OccurrenceId { get; set; }

    public DateTime StartTimeUtc { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Zoom's occurrence status: <c>available</c> or <c>deleted</c>.</summary>
    public required string Status { get; set; }
}
