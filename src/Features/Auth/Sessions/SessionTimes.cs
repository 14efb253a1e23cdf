using System.Globalization;

namespace ZoomPortal.Features.Auth.Sessions;

/// <summary>How session times read on the account and admin pages (UTC, unambiguous on a page that renders without a browser time zone).</summary>
internal static class SessionTimes
{
    public static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
