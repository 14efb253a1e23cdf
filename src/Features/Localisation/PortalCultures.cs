using System.Globalization;

namespace ZoomPortal.Features.Localisation;

/// <summary>The languages the portal speaks, and the Meeting SDK language that goes with each.</summary>
public static class PortalCultures
{
    public const string English = "en";
    public const string German = "de";

    /// <summary>English first: the default when a browser asks for none of them.</summary>
    public static readonly IReadOnlyList<string> Supported = [English, German];

    /// <summary>
    /// The Meeting SDK's <c>language</c> for a culture: Zoom names its languages with a region (de-DE, en-US), and
    /// knows no other German or English.
    /// </summary>
    public static string ZoomLanguage(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == German ? "de-DE" : "en-US";

    /// <summary>The supported culture a user's choice names, or null for anything else (the input is hostile).</summary>
    public static string? Normalise(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture?.Trim(), StringComparison.OrdinalIgnoreCase));
}
