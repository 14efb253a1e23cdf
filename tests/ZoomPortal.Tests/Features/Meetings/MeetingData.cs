using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Tests.Features.Meetings;

/// <summary>Builders for meetings as pages see them and as the database stores them.</summary>
public static class MeetingData
{
    public static MeetingSummary Summary(
        long id,
        string topic,
        DateTimeOffset? start,
        int durationMinutes = 60,
        string? timeZone = "UTC",
        bool started = false,
        string host = "Hana Host",
        string? agenda = null,
        bool viewerIsHost = false,
        params OccurrenceSummary[] occurrences) =>
        new(id, topic, agenda, host, "hana@example.com", start, durationMinutes, timeZone, occurrences.Length > 0 ? 8 : 2, started,
            viewerIsHost, viewerIsHost, MeetingVisibility.AllSignedIn, [], occurrences, DateTimeOffset.UnixEpoch);

    public static Meeting Entity(long id, string topic, DateTime startUtc, string hostEmail = "hana@example.com",
        MeetingVisibility visibility = MeetingVisibility.AllSignedIn, params string[] groups)
    {
        var meeting = new Meeting
        {
            Id = id,
            Uuid = $"uuid-{id}",
            HostZoomUserId = "zoom-hana",
            HostEmail = hostEmail,
            HostEmailNormalized = Meeting.NormalizeEmail(hostEmail),
            HostName = "Hana Host",
            Topic = topic,
            StartTimeUtc = startUtc,
            TimeZone = "Europe/Berlin",
            DurationMinutes = 60,
            Type = 2,
            Visibility = visibility,
            LastSyncedUtc = startUtc,
        };
        meeting.Groups.AddRange(groups.Select(g => new MeetingGroup { MeetingId = id, Name = g }));
        return meeting;
    }
}
