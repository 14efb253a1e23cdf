namespace ZoomPortal.Features.Meetings;

/// <summary>A Zoom meeting as the portal last saw it. The id is Zoom's meeting id (64-bit).</summary>
public sealed class Meeting
{
    public long Id { get; set; }

    public required string Uuid { get; set; }

    public required string HostZoomUserId { get; set; }

    public string? HostEmail { get; set; }

    /// <summary>Upper-case invariant copy of <see cref="HostEmail"/>, so the host match is case-insensitive on every provider.</summary>
    public string? HostEmailNormalized { get; set; }

    public string? HostName { get; set; }

    public required string Topic { get; set; }

    public string? Agenda { get; set; }

    /// <summary>UTC; null for a recurring meeting with no fixed time (type 3).</summary>
    public DateTime? StartTimeUtc { get; set; }

    /// <summary>The meeting's own IANA time zone, as Zoom reports it.</summary>
    public string? TimeZone { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Zoom's meeting type: 1 instant, 2 scheduled, 3 recurring without a fixed time, 8 recurring with a fixed time.</summary>
    public int Type { get; set; }

    /// <summary>Zoom's status at the last sync: <c>waiting</c>, <c>started</c> or <c>finished</c>.</summary>
    public string ZoomStatus { get; set; } = MeetingStatuses.Waiting;

    /// <summary>The passcode protected with ASP.NET Data Protection; never sent to a browser.</summary>
    public string? ProtectedPasscode { get; set; }

    public MeetingVisibility Visibility { get; set; } = MeetingVisibility.AllSignedIn;

    public List<MeetingGroup> Groups { get; } = [];

    public List<MeetingOccurrence> Occurrences { get; } = [];

    public DateTime LastSyncedUtc { get; set; }

    /// <summary>When a sync found the meeting gone from Zoom; removed meetings are hidden.</summary>
    public DateTime? RemovedUtc { get; set; }

    public static string? NormalizeEmail(string? email) => ZoomPortal.Features.Auth.ZoomHostMapping.Normalize(email);
}
