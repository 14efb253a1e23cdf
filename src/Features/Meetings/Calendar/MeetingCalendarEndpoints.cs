using System.Globalization;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Meetings.Calendar;

internal static class MeetingCalendarEndpoints
{
    private static StaticText L => StaticText.Instance;

    public static string Path(long meetingId) =>
        string.Create(CultureInfo.InvariantCulture, $"/meetings/{meetingId}/calendar.ics");

    public static IEndpointRouteBuilder MapMeetingCalendar(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/meetings/{id:long}/calendar.ics", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(long id, HttpContext http, MeetingCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        // The same 404 for "does not exist" and "not yours to see", as the meeting page answers.
        var meeting = await catalog.FindVisibleAsync(id, http.User, cancellationToken);
        if (meeting is null)
        {
            return Results.NotFound();
        }

        var request = http.Request;
        var page = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/meetings/{id.ToString(CultureInfo.InvariantCulture)}");
        var calendar = MeetingCalendar.Create(meeting, page, request.Host.Host, time.GetUtcNow());
        if (calendar is null)
        {
            return Results.Problem(
                detail: L["Share.NoFixedTime"],
                statusCode: StatusCodes.Status404NotFound);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(calendar), MeetingCalendar.ContentType,
            string.Create(CultureInfo.InvariantCulture, $"meeting-{id}.ics"));
    }
}
