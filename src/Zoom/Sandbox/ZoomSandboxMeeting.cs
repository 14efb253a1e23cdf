namespace ZoomPortal.Zoom.Sandbox;

/// <summary>A meeting in the sandbox. <see cref="Passcode"/> is a secret like a real one: never log it.</summary>
internal sealed record ZoomSandboxMeeting(
    long Id,
    string Uuid,
    string HostId,
    string Topic,
    int Type,
    DateTimeOffset StartTime,
    int DurationMinutes,
    string Timezone,
    string? Agenda,
    string? Passcode,
    bool JoinBeforeHost,
    bool WaitingRoom,
    IReadOnlyList<DateTimeOffset> Occurrences)
{
    public const int Scheduled = 2;
    public const int RecurringFixedTime = 8;

    /// <summary>The next occurrence's start, or the start of a one-off meeting.</summary>
    public DateTimeOffset NextStart(DateTimeOffset now) =>
        Occurrences.Count == 0 ? StartTime : Occurrences.Where(o => o.AddMinutes(DurationMinutes) > now).DefaultIfEmpty(Occurrences[^1]).First();

    public DateTimeOffset LastEnd => (Occurrences.Count == 0 ? StartTime : Occurrences[^1]).AddMinutes(DurationMinutes);
}
