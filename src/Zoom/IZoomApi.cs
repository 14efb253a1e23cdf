namespace ZoomPortal.Zoom;

/// <summary>
/// The parts of Zoom's REST API the portal calls. One implementation talks HTTP to Zoom (or to the Zoom sandbox,
/// which serves the same paths and JSON), so everything above it is the same in Live and Sandbox mode.
/// </summary>
public interface IZoomApi
{
    /// <summary><c>GET /users/{userId}/meetings?type=…</c>, every page read through <c>next_page_token</c>.</summary>
    Task<IReadOnlyList<ZoomMeetingSummary>> ListMeetingsAsync(string userId, ZoomMeetingListType type, CancellationToken cancellationToken);

    /// <summary><c>GET /meetings/{meetingId}</c> with passcode, settings and occurrences.</summary>
    Task<ZoomMeeting> GetMeetingAsync(long meetingId, CancellationToken cancellationToken);

    /// <summary><c>GET /users</c>, every page.</summary>
    Task<IReadOnlyList<ZoomUser>> ListUsersAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /users/{userId}/token?type=zak</c>. The ZAK is a secret: never store or log it.</summary>
    Task<string> GetZakAsync(string userId, CancellationToken cancellationToken);
}

public enum ZoomMeetingListType
{
    Scheduled,
    Live,
    Upcoming,
    PreviousMeetings,
}

/// <summary>A meeting as <c>List meetings</c> returns it. Meeting ids are 64-bit: they exceed 10 digits.</summary>
public sealed record ZoomMeetingSummary(
    long Id,
    string Uuid,
    string HostId,
    string Topic,
    int Type,
    DateTimeOffset? StartTime,
    int DurationMinutes,
    string? Timezone,
    string? Agenda);

/// <summary>A meeting as <c>Get a meeting</c> returns it.</summary>
public sealed record ZoomMeeting(
    long Id,
    string Uuid,
    string HostId,
    string? HostEmail,
    string Topic,
    int Type,
    DateTimeOffset? StartTime,
    int DurationMinutes,
    string? Timezone,
    string? Agenda,
    string? Password,
    string Status,
    IReadOnlyList<ZoomOccurrence> Occurrences)
{
    /// <summary>Null when Zoom sent no settings (and in hand-made test doubles).</summary>
    public ZoomMeetingSettings? Settings { get; init; }
}

public sealed record ZoomOccurrence(string OccurrenceId, DateTimeOffset StartTime, int DurationMinutes, string Status);

public sealed record ZoomUser(string Id, string Email, string? FirstName, string? LastName, string? DisplayName, int Type, string Status, string? Timezone);

/// <summary>Zoom answered with an error the caller can explain (missing scope, not found, rate limit…).</summary>
public sealed class ZoomApiException : Exception
{
    public ZoomApiException()
    {
    }

    public ZoomApiException(string message)
        : base(message)
    {
    }

    public ZoomApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ZoomApiException(string message, int statusCode, int? zoomCode = null, string? missingScope = null)
        : base(message)
    {
        StatusCode = statusCode;
        ZoomCode = zoomCode;
        MissingScope = missingScope;
    }

    public int StatusCode { get; }

    public int? ZoomCode { get; }

    /// <summary>The scope Zoom said the app lacks, when it said one.</summary>
    public string? MissingScope { get; }
}
