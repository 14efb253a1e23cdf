using System.Globalization;
using ZoomPortal.Features.Localisation;

namespace ZoomPortal.Features.Auth.Sessions;

/// <summary>How session times read on the account and admin pages (UTC, unambiguous on a page that renders without a browser time zone).</summary>
internal static class SessionTimes
{
    private static StaticText L => StaticText.Instance;

    /// <summary>In the user's culture ("2026-12-01 14:05 UTC", "01.12.2026 14:05 UTC").</summary>
    public static string Utc(DateTime value) => value.ToString(L["Sessions.DateTimeFormat"], CultureInfo.CurrentCulture) + " UTC";

    /// <summary>How the user signed in, in words (the stored value is a code).</summary>
    public static string Method(string method) => method switch
    {
        PortalPrincipalFactory.OidcMethod => L["Sessions.MethodOidc"],
        PortalPrincipalFactory.DevelopmentMethod => L["Sessions.MethodDevelopment"],
        _ => method,
    };
}
