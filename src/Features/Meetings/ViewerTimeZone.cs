namespace ZoomPortal.Features.Meetings;

/// <summary>The time zone a viewer's browser reports, or UTC when it is unknown or not one this server knows.</summary>
public sealed record ViewerTimeZone(TimeZoneInfo Zone, string Name, bool IsFallback)
{
    public static readonly ViewerTimeZone Utc = new(TimeZoneInfo.Utc, "UTC", true);

    /// <summary>
    /// The cookie in which the browser keeps its zone (written by <c>App.razor.js</c>), so that statically rendered
    /// pages, which cannot ask the browser, show local times too.
    /// </summary>
    public const string CookieName = "zp-tz";

    /// <summary>The zone a static page's request names in <see cref="CookieName"/>; UTC without one.</summary>
    public static ViewerTimeZone FromRequest(HttpContext? context) => FromBrowser(context?.Request.Cookies[CookieName]);

    /// <summary>The browser's answer is untrusted input: anything that is not a known IANA id falls back to UTC.</summary>
    public static ViewerTimeZone FromBrowser(string? ianaId)
    {
        var zone = MeetingTimes.FindZone(ianaId);
        return zone is null ? Utc : new ViewerTimeZone(zone, ianaId!.Trim(), false);
    }
}
