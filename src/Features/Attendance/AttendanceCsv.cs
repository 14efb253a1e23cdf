using System.Globalization;
using System.Text;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Attendance.Records;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Attendance;

/// <summary>
/// <c>GET /meetings/{id}/attendance.csv?session=N</c>: one row per person and stretch in the meeting, for the meeting's
/// host and admins, once the session has ended (an open session's numbers are still moving).
/// </summary>
internal static class AttendanceCsv
{
    private static StaticText L => StaticText.Instance;

    public const string Path = "/meetings/{id:long}/attendance.csv";

    public static string UrlFor(long meetingId, long sessionId) =>
        $"/meetings/{meetingId.ToString(CultureInfo.InvariantCulture)}/attendance.csv?session={sessionId.ToString(CultureInfo.InvariantCulture)}";

    public static async Task ExportAsync(long id, long? session, HttpContext http, AttendanceAccess access, AttendanceRoster roster)
    {
        if (!await access.CanWatchAsync(http.User, id, http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var snapshot = await roster.LoadAsync(id, session, http.RequestAborted);
        if (snapshot is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (snapshot.Session.EndedAt is null)
        {
            http.Response.StatusCode = StatusCodes.Status409Conflict;
            await http.Response.WriteAsync(L["Roster.ExportNotYet"], http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"attendance-{id}-{snapshot.Session.Id}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(Write(snapshot));
    }

    public static string Write(RosterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var end = snapshot.Session.EndedAt ?? DateTime.UtcNow;
        var csv = new StringBuilder("MeetingId,Session,ZoomUuid,Name,UserId,Email,JoinedAt,LeftAt,Minutes,TotalMinutes\r\n");
        foreach (var person in snapshot.Attendees)
        {
            var total = Minutes(person.MinutesAt(end));
            var intervals = person.Intervals.Count == 0 ? [null] : person.Intervals.Cast<AttendanceInterval?>();
            foreach (var interval in intervals)
            {
                string?[] cells =
                [
                    snapshot.Session.MeetingId.ToString(CultureInfo.InvariantCulture),
                    snapshot.Session.Id.ToString(CultureInfo.InvariantCulture),
                    JoinAttemptCsv.Text(snapshot.Session.ZoomUuid),
                    JoinAttemptCsv.Text(person.DisplayName),
                    JoinAttemptCsv.Text(person.UserId),
                    JoinAttemptCsv.Text(person.Email?.ToLowerInvariant()),
                    interval?.From.ToString("O", CultureInfo.InvariantCulture),
                    (interval?.To ?? (interval is null ? null : end))?.ToString("O", CultureInfo.InvariantCulture),
                    interval is null ? "0" : Minutes(((interval.To ?? end) - interval.From).TotalMinutes),
                    total,
                ];
                csv.Append(string.Join(',', cells.Select(JoinAttemptCsv.Escape))).Append("\r\n");
            }
        }

        return csv.ToString();
    }

    private static string Minutes(double minutes) => Math.Round(Math.Max(0, minutes), 1).ToString("0.0", CultureInfo.InvariantCulture);
}
