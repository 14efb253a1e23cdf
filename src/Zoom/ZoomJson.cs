using System.Text.Json.Serialization;

namespace ZoomPortal.Zoom;

// Zoom's JSON shapes (snake_case), shared by the client and the sandbox so both speak the same wire format.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ZoomMeetingListDto))]
[JsonSerializable(typeof(ZoomMeetingDto))]
[JsonSerializable(typeof(ZoomUserListDto))]
[JsonSerializable(typeof(ZoomZakDto))]
[JsonSerializable(typeof(ZoomOAuthTokenDto))]
[JsonSerializable(typeof(ZoomOAuthErrorDto))]
[JsonSerializable(typeof(ZoomErrorDto))]
internal sealed partial class ZoomJsonContext : JsonSerializerContext;

internal sealed class ZoomMeetingListDto
{
    public string? NextPageToken { get; init; }

    public int PageSize { get; init; }

    public int TotalRecords { get; init; }

    public IReadOnlyList<ZoomMeetingDto>? Meetings { get; init; }
}

internal sealed class ZoomMeetingDto
{
    public long Id { get; init; }

    public string? Uuid { get; init; }

    public string? HostId { get; init; }

    public string? HostEmail { get; init; }

    public string? Topic { get; init; }

    public int Type { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public int Duration { get; init; }

    public string? Timezone { get; init; }

    public string? Agenda { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public Uri? JoinUrl { get; init; }

    public string? Password { get; init; }

    public IReadOnlyList<ZoomOccurrenceDto>? Occurrences { get; init; }

    public ZoomMeetingSettingsDto? Settings { get; init; }
}

internal sealed class ZoomOccurrenceDto
{
    public string? OccurrenceId { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public int Duration { get; init; }

    public string? Status { get; init; }
}

internal sealed class ZoomMeetingSettingsDto
{
    public bool HostVideo { get; init; }

    public bool ParticipantVideo { get; init; }

    public bool JoinBeforeHost { get; init; }

    public bool WaitingRoom { get; init; }

    public bool MuteUponEntry { get; init; }

    public int ApprovalType { get; init; }
}

internal sealed class ZoomUserListDto
{
    public string? NextPageToken { get; init; }

    public int PageSize { get; init; }

    public int TotalRecords { get; init; }

    public IReadOnlyList<ZoomUserDto>? Users { get; init; }
}

internal sealed class ZoomUserDto
{
    public string? Id { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? DisplayName { get; init; }

    public int Type { get; init; }

    public string? Status { get; init; }

    public string? Timezone { get; init; }
}

internal sealed class ZoomZakDto
{
    public string? Token { get; init; }
}

internal sealed class ZoomOAuthTokenDto
{
    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }

    public int ExpiresIn { get; init; }

    public string? Scope { get; init; }
}

internal sealed class ZoomOAuthErrorDto
{
    public string? Reason { get; init; }

    public string? Error { get; init; }
}

internal sealed class ZoomErrorDto
{
    public int? Code { get; init; }

    public string? Message { get; init; }
}
