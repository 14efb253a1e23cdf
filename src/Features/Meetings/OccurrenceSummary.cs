namespace ZoomPortal.Features.Meetings;

/// <summary>An occurrence of a recurring meeting that is still on (deleted ones are left out).</summary>
public sealed record OccurrenceSummary(string OccurrenceId, DateTimeOffset Start, int DurationMinutes);
