using System.Globalization;
using System.Text.Json;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Meetings;

namespace ZoomPortal.Features.Attendance.Webhooks;

/// <summary>What a webhook body says, read defensively (zoom-sdk.md §7.1): ids may be strings or numbers, fields may be missing.</summary>
internal sealed record ZoomWebhookEvent(string Event, long? MeetingId, string? MeetingUuid, string? HostId, string? OperatorEmail, DateTime At, ParticipantInfo? Participant)
{
    public static readonly IReadOnlyDictionary<string, AttendanceEventKind> ParticipantEvents = new Dictionary<string, AttendanceEventKind>(StringComparer.Ordinal)
    {
        ["meeting.participant_joined"] = AttendanceEventKind.Joined,
        ["meeting.participant_left"] = AttendanceEventKind.Left,
        ["meeting.participant_joined_waiting_room"] = AttendanceEventKind.WaitingEntered,
        ["meeting.participant_put_in_waiting_room"] = AttendanceEventKind.WaitingEntered,
        ["meeting.participant_jbh_waiting"] = AttendanceEventKind.WaitingEntered,
        ["meeting.participant_left_waiting_room"] = AttendanceEventKind.WaitingLeft,
        ["meeting.participant_admitted"] = AttendanceEventKind.WaitingLeft,
    };

    public static ZoomWebhookEvent Parse(string body, DateTime receivedAt)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var name = root.GetProperty("event").GetString() ?? string.Empty;
        var at = root.TryGetProperty("event_ts", out var ts) && ts.TryGetInt64(out var ms) && ms > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime
            : receivedAt;
        if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return new ZoomWebhookEvent(name, null, null, null, null, at, null);
        }

        var operatorEmail = Text(payload, "operator");
        if (!payload.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
        {
            return new ZoomWebhookEvent(name, null, null, null, operatorEmail, at, null);
        }

        var meetingId = Number(obj, "id");
        var uuid = Text(obj, "uuid");
        var hostId = Text(obj, "host_id");
        at = name switch
        {
            "meeting.started" => Time(obj, "start_time") ?? at,
            "meeting.ended" => Time(obj, "end_time") ?? at,
            _ => at,
        };

        ParticipantInfo? participant = null;
        if (obj.TryGetProperty("participant", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            participant = new ParticipantInfo(
                Limit(Text(p, "customer_key"), 36),
                Meeting.NormalizeEmail(Limit(Text(p, "email"), 320)),
                Limit(Text(p, "user_id"), 64),
                Limit(Text(p, "participant_uuid"), 128),
                Limit(Text(p, "user_name"), 128));
            at = Time(p, "join_time") ?? Time(p, "leave_time") ?? Time(p, "date_time") ?? at;
        }

        return new ZoomWebhookEvent(name, meetingId, uuid, hostId, operatorEmail, at, participant);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static long? Number(JsonElement element, string name) =>
        Text(element, name) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static DateTime? Time(JsonElement element, string name) =>
        Text(element, name) is { } text &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.UtcDateTime : null;

    private static string? Limit(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}

internal sealed record ParticipantInfo(string? CustomerKey, string? Email, string? ZoomUserId, string? ParticipantUuid, string? DisplayName);
